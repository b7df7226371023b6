package com.scantill.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.OperatorAccount;
import com.scantill.ledger.Role;
import com.scantill.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsTest {

    @TempDir
    Path dataFolder;

    private final MutableClock clock = new MutableClock();
    private Ledger ledger;
    private Operators operators;
    private Operator manager;

    @BeforeEach
    void open() {
        ledger = Ledger.open(dataFolder);
        operators = new Operators(ledger.operators(), new PinHasher(1_000), clock);
        assertThat(operators.needFirstManager()).isTrue();
        manager = operators.createFirstManager("mgr", "Malee", "135790".toCharArray());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void theFirstManagerIsMadeOnceAndCanSignIn() {
        assertThat(operators.needFirstManager()).isFalse();
        assertThatThrownBy(() -> operators.createFirstManager("other", "Other", "1111".toCharArray()))
                .isInstanceOf(SignInRefusedException.class);

        assertThat(operators.signIn("mgr", "135790".toCharArray())).isEqualTo(new Operator("mgr", "Malee", Role.MANAGER));
    }

    @Test
    void pinsAreStoredAsSaltedSlowHashes() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        operators.add(manager, "c2", "Suda", Role.CASHIER, "4321".toCharArray());

        OperatorAccount first = ledger.operators().find("c1").orElseThrow();
        OperatorAccount second = ledger.operators().find("c2").orElseThrow();
        assertThat(first.pinHash()).startsWith("pbkdf2-sha256$1000$").doesNotContain("4321");
        assertThat(first.pinHash()).isNotEqualTo(second.pinHash());
        assertThat(new PinHasher(PinHasher.OWASP_ITERATIONS).hash("4321".toCharArray())).startsWith("pbkdf2-sha256$600000$");
        assertThat(new PinHasher(1_000).matches("4321".toCharArray(), first.pinHash())).isTrue();
    }

    @Test
    void wrongPinsLockTheOperatorOutUntilTheTimePassesOrAManagerResets() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        for (int i = 1; i < Operators.MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> operators.signIn("c1", "0000".toCharArray())).hasMessage("Wrong operator id or PIN.");
        }
        assertThatThrownBy(() -> operators.signIn("c1", "0000".toCharArray())).hasMessageContaining("locked out");
        assertThatThrownBy(() -> operators.signIn("c1", "4321".toCharArray())).hasMessageContaining("locked out");

        clock.advance(Operators.LOCK_OUT.plus(Duration.ofSeconds(1)));
        assertThat(operators.signIn("c1", "4321".toCharArray()).id()).isEqualTo("c1");

        for (int i = 0; i < Operators.MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> operators.signIn("c1", "9999".toCharArray()));
        }
        operators.resetPin(manager, "c1", "2468".toCharArray());
        assertThat(operators.signIn("c1", "2468".toCharArray()).id()).isEqualTo("c1");
        assertThat(ledger.operators().eventKinds("c1")).contains("WRONG_PIN", "LOCKED_OUT", "PIN_RESET", "SIGNED_IN");
    }

    @Test
    void anUnknownOperatorGetsTheSameAnswerAsAWrongPin() {
        assertThatThrownBy(() -> operators.signIn("nobody", "1234".toCharArray())).hasMessage("Wrong operator id or PIN.");
    }

    @Test
    void aDisabledOperatorCannotSignIn() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        operators.setEnabled(manager, "c1", false);

        assertThatThrownBy(() -> operators.signIn("c1", "4321".toCharArray())).hasMessageContaining("disabled");
        operators.setEnabled(manager, "c1", true);
        assertThat(operators.signIn("c1", "4321".toCharArray()).id()).isEqualTo("c1");
    }

    @Test
    void onlyASupervisorOrManagerMayApprove() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        operators.add(manager, "s1", "Wanida", Role.SUPERVISOR, "8642".toCharArray());

        assertThatThrownBy(() -> operators.approve("c1", "4321".toCharArray(), Role.SUPERVISOR)).hasMessageContaining("needs a supervisor");
        assertThat(operators.approve("s1", "8642".toCharArray(), Role.SUPERVISOR).id()).isEqualTo("s1");
        assertThat(operators.approve("mgr", "135790".toCharArray(), Role.SUPERVISOR).id()).isEqualTo("mgr");
    }

    @Test
    void onlyAManagerChangesOperatorsAndPinsAreDigits() {
        Operator supervisor = operators.add(manager, "s1", "Wanida", Role.SUPERVISOR, "8642".toCharArray());

        assertThatThrownBy(() -> operators.add(supervisor, "c9", "X", Role.CASHIER, "1234".toCharArray()))
                .hasMessageContaining("Only a manager");
        assertThatThrownBy(() -> operators.add(manager, "c9", "X", Role.CASHIER, "12a4".toCharArray())).hasMessageContaining("4 to 12 digits");
        assertThatThrownBy(() -> operators.add(manager, "c9", "X", Role.CASHIER, "123".toCharArray())).hasMessageContaining("4 to 12 digits");
        assertThatThrownBy(() -> operators.setEnabled(manager, "mgr", false)).hasMessageContaining("cannot disable themselves");
    }
}
