package com.scantill.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.OperatorAccount;
import com.scantill.model.Role;
import com.scantill.operators.SignInRefusedException.Reason;
import com.scantill.testing.MutableClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
            assertThat(refused(() -> operators.signIn("c1", "0000".toCharArray())).reason()).isEqualTo(Reason.WRONG_ID_OR_PIN);
        }
        assertThat(refused(() -> operators.signIn("c1", "0000".toCharArray())).reason()).isEqualTo(Reason.LOCKED_OUT);
        assertThat(refused(() -> operators.signIn("c1", "4321".toCharArray())).reason()).isEqualTo(Reason.LOCKED_OUT);

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
        assertThat(refused(() -> operators.signIn("nobody", "1234".toCharArray())).reason()).isEqualTo(Reason.WRONG_ID_OR_PIN);
    }

    @Test
    void aDisabledOperatorCannotSignIn() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        operators.setEnabled(manager, "c1", false);

        assertThat(refused(() -> operators.signIn("c1", "4321".toCharArray())).reason())
                .as("exactly as a wrong PIN").isEqualTo(Reason.WRONG_ID_OR_PIN);
        operators.setEnabled(manager, "c1", true);
        assertThat(operators.signIn("c1", "4321".toCharArray()).id()).isEqualTo("c1");
    }

    private static final ApprovalRequest EXPIRE_A = new ApprovalRequest(ApprovalRequest.Action.EXPIRE, "till-1-A", 150_000);
    private static final ApprovalRequest REFUND_B = new ApprovalRequest(ApprovalRequest.Action.REFUND, "till-1-B", 150_000);

    @Test
    void onlyASupervisorOrManagerMayApprove() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        operators.add(manager, "s1", "Wanida", Role.SUPERVISOR, "864213".toCharArray());

        assertThat(refused(() -> operators.approve("c1", "4321".toCharArray(), EXPIRE_A)).reason())
                .isEqualTo(Reason.ROLE_TOO_LOW);
        assertThat(operators.approve("s1", "864213".toCharArray(), EXPIRE_A).approverId()).isEqualTo("s1");
        assertThat(operators.approve("mgr", "135790".toCharArray(), EXPIRE_A).approverId()).isEqualTo("mgr");
    }

    @Test
    void anApprovalIsForTheRequestItWasGivenForAndIsSpentOnce() {
        operators.add(manager, "s1", "Wanida", Role.SUPERVISOR, "864213".toCharArray());
        Approval approval = operators.approve("s1", "864213".toCharArray(), EXPIRE_A);

        assertThat(operators.spend(approval, REFUND_B)).as("another action, another sale").isEmpty();
        assertThat(operators.spend(approval, EXPIRE_A)).as("and then it is spent, even on its own request").isEmpty();

        Approval again = operators.approve("s1", "864213".toCharArray(), EXPIRE_A);
        assertThat(operators.spend(again, new ApprovalRequest(ApprovalRequest.Action.EXPIRE, "till-1-A", 150_001)))
                .as("another amount").isEmpty();

        Approval right = operators.approve("s1", "864213".toCharArray(), EXPIRE_A);
        assertThat(operators.spend(right, EXPIRE_A)).contains("s1");
        assertThat(operators.spend(right, EXPIRE_A)).as("spent once").isEmpty();
    }

    @Test
    void aForgedOrStaleApprovalOrOneWhoseApproverWasDisabledIsWorthNothing() {
        operators.add(manager, "s1", "Wanida", Role.SUPERVISOR, "864213".toCharArray());

        assertThat(operators.spend(new Approval("made-up", "s1", "Wanida", EXPIRE_A), EXPIRE_A)).isEmpty();
        Approval real = operators.approve("s1", "864213".toCharArray(), EXPIRE_A);
        assertThat(operators.spend(new Approval(real.ticket(), "mgr", "Malee", EXPIRE_A), EXPIRE_A))
                .as("the approver changed on the way").isEmpty();

        Approval stale = operators.approve("s1", "864213".toCharArray(), EXPIRE_A);
        clock.advance(Operators.APPROVAL_VALIDITY.plusSeconds(1));
        assertThat(operators.spend(stale, EXPIRE_A)).isEmpty();

        Approval beforeDisabling = operators.approve("s1", "864213".toCharArray(), EXPIRE_A);
        operators.setEnabled(manager, "s1", false);
        assertThat(operators.spend(beforeDisabling, EXPIRE_A)).isEmpty();
    }

    @Test
    void aManagersRightsAreTheStoresNotTheCallersRecord() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        Operator forged = new Operator("c1", "Somchai", Role.MANAGER);

        assertThat(refused(() -> operators.add(forged, "c9", "X", Role.MANAGER, "999999".toCharArray())).reason())
                .isEqualTo(Reason.NOT_A_MANAGER);
        assertThat(refused(() -> operators.resetPin(forged, "mgr", "111111".toCharArray())).reason())
                .isEqualTo(Reason.NOT_A_MANAGER);
        assertThat(ledger.operators().find("c9")).isEmpty();
    }

    @Test
    void repeatedLockOutsGrowLongerAndSupervisorsAndManagersNeedSixDigits() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        assertThat(refused(() -> operators.add(manager, "s2", "Nok", Role.SUPERVISOR, "4321".toCharArray())))
                .extracting(SignInRefusedException::reason, SignInRefusedException::role, SignInRefusedException::count)
                .containsExactly(Reason.BAD_PIN, Role.SUPERVISOR, 6);
        assertThat(refused(() -> operators.resetPin(manager, "mgr", "4321".toCharArray())).reason()).isEqualTo(Reason.BAD_PIN);

        for (int lockOut = 1; lockOut <= 3; lockOut++) {
            for (int i = 0; i < Operators.MAX_ATTEMPTS; i++) {
                assertThatThrownBy(() -> operators.signIn("c1", "0000".toCharArray()));
            }
            Duration expected = Operators.LOCK_OUT.multipliedBy(1L << (lockOut - 1));
            clock.advance(expected.minusSeconds(1));
            assertThat(refused(() -> operators.signIn("c1", "4321".toCharArray())).reason())
                    .as("lock-out %d still on", lockOut).isEqualTo(Reason.LOCKED_OUT);
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(Operators.lockOut(500)).isEqualTo(Operators.LONGEST_LOCK_OUT);
        assertThat(operators.signIn("c1", "4321".toCharArray()).id()).isEqualTo("c1");
        assertThat(ledger.operators().find("c1").orElseThrow().failedAttempts()).isZero();
    }

    private static SignInRefusedException refused(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(SignInRefusedException.class);
        return (SignInRefusedException) thrown;
    }

    @Test
    void aDamagedPinRecordIsAMessageNotACrash() {
        operators.add(manager, "c1", "Somchai", Role.CASHIER, "4321".toCharArray());
        OperatorAccount account = ledger.operators().find("c1").orElseThrow();
        ledger.operators().update(account.withPinHash("pbkdf2-sha256$many$%%%$!!!"), "DAMAGED_BY_TEST", null, null, clock.instant());

        assertThat(refused(() -> operators.signIn("c1", "4321".toCharArray())).reason()).isEqualTo(Reason.DAMAGED_PIN_RECORD);
    }

    @Test
    void onlyAManagerChangesOperatorsAndPinsAreDigits() {
        Operator supervisor = operators.add(manager, "s1", "Wanida", Role.SUPERVISOR, "864213".toCharArray());

        assertThat(refused(() -> operators.add(supervisor, "c9", "X", Role.CASHIER, "1234".toCharArray())).reason())
                .isEqualTo(Reason.NOT_A_MANAGER);
        assertThat(refused(() -> operators.add(manager, "c9", "X", Role.CASHIER, "12a4".toCharArray())))
                .extracting(SignInRefusedException::reason, SignInRefusedException::count).containsExactly(Reason.BAD_PIN, 4);
        assertThat(refused(() -> operators.add(manager, "c9", "X", Role.CASHIER, "123".toCharArray())).reason())
                .isEqualTo(Reason.BAD_PIN);
        assertThat(refused(() -> operators.setEnabled(manager, "mgr", false)).reason()).isEqualTo(Reason.CANNOT_DISABLE_SELF);
    }
}
