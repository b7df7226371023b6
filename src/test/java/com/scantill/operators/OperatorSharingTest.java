package com.scantill.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.OperatorSharing;
import com.scantill.model.Role;
import com.scantill.operators.SignInRefusedException.Reason;
import com.scantill.testing.MutableClock;
import com.scantill.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's operators set up once, through a store on a real PostgreSQL, and signed in with on every till. */
class OperatorSharingTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock();
    private Ledger store;
    private Ledger tillOne;
    private Ledger tillTwo;
    private Operators one;
    private Operators two;
    private OperatorSharing shareOne;
    private OperatorSharing shareTwo;

    @BeforeEach
    void open() {
        store = Ledger.openStore(TestPostgres.freshDatabase(), folder.resolve("store"));
        tillOne = Ledger.open(folder.resolve("till-1"));
        tillTwo = Ledger.open(folder.resolve("till-2"));
        one = new Operators(tillOne.operators(), new PinHasher(1_000), clock);
        two = new Operators(tillTwo.operators(), new PinHasher(1_000), clock);
        shareOne = new OperatorSharing(tillOne, store, clock);
        shareTwo = new OperatorSharing(tillTwo, store, clock);
    }

    @AfterEach
    void close() {
        tillOne.close();
        tillTwo.close();
        store.close();
    }

    private void shareBoth() {
        shareOne.share();
        shareTwo.share();
        shareOne.share();
    }

    private Reason refusal(Operators operators, String id, String pin) {
        return catchThrowableOfType(() -> operators.signIn(id, pin.toCharArray()), SignInRefusedException.class).reason();
    }

    @Test
    void operatorsSetUpOnOneTillSignInOnTheOtherAndAChangeOnEitherReachesBoth() {
        Operator manager = one.createFirstManager("malee", "Malee", "135790".toCharArray());
        one.add(manager, "somchai", "Somchai", Role.CASHIER, "4321".toCharArray());
        assertThat(two.needFirstManager()).isTrue();

        assertThat(shareOne.share()).isEqualTo(new OperatorSharing.Shared(2, 0));
        assertThat(shareTwo.share()).isEqualTo(new OperatorSharing.Shared(0, 2));

        assertThat(two.needFirstManager()).isFalse();
        assertThat(two.signIn("somchai", "4321".toCharArray()).role()).isEqualTo(Role.CASHIER);
        assertThat(tillTwo.operators().eventKinds("somchai")).startsWith("FROM_STORE");

        clock.advance(Duration.ofMinutes(1));
        Operator managerAtTwo = two.signIn("malee", "135790".toCharArray());
        two.resetPin(managerAtTwo, "somchai", "8765".toCharArray());
        two.setEnabled(managerAtTwo, "malee", true);
        shareBoth();

        assertThat(one.signIn("somchai", "8765".toCharArray()).id()).isEqualTo("somchai");
        assertThat(refusal(one, "somchai", "4321")).isEqualTo(Reason.WRONG_ID_OR_PIN);

        clock.advance(Duration.ofMinutes(1));
        one.setEnabled(manager, "somchai", false);
        shareBoth();
        assertThat(refusal(two, "somchai", "8765")).as("disabled on till 1, refused on till 2").isEqualTo(Reason.WRONG_ID_OR_PIN);
        assertThat(shareOne.share()).as("nothing left to share").isEqualTo(new OperatorSharing.Shared(0, 0));
    }

    @Test
    void wrongPinsStayOnTheirTillAndASignInThereNeverUndoesAPinResetMadeElsewhere() {
        Operator manager = one.createFirstManager("malee", "Malee", "135790".toCharArray());
        one.add(manager, "somchai", "Somchai", Role.CASHIER, "4321".toCharArray());
        shareBoth();

        for (int i = 0; i < 5; i++) {
            refusal(one, "somchai", "0000");
        }
        assertThat(refusal(one, "somchai", "4321")).as("locked out on till 1").isEqualTo(Reason.LOCKED_OUT);
        shareBoth();
        assertThat(two.signIn("somchai", "4321".toCharArray()).id()).as("till 2 keeps its own count").isEqualTo("somchai");

        // A manager on till 2 resets the PIN; till 1 signs the cashier in with the old one before it hears of it.
        clock.advance(Duration.ofMinutes(10));
        Operator managerAtTwo = two.signIn("malee", "135790".toCharArray());
        two.resetPin(managerAtTwo, "somchai", "2468".toCharArray());
        shareTwo.share();
        assertThat(one.signIn("somchai", "4321".toCharArray()).id()).isEqualTo("somchai");
        shareOne.share();
        shareTwo.share();

        assertThat(refusal(two, "somchai", "4321")).as("the reset stands").isEqualTo(Reason.WRONG_ID_OR_PIN);
        assertThat(refusal(one, "somchai", "4321")).isEqualTo(Reason.WRONG_ID_OR_PIN);
        assertThat(one.signIn("somchai", "2468".toCharArray()).id()).isEqualTo("somchai");
    }
}
