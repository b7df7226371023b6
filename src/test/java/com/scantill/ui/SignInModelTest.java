package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.Ledger;
import com.scantill.model.Role;
import com.scantill.operators.Operators;
import com.scantill.operators.PinHasher;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in view model on its own, with background work run synchronously: no toolkit, no waiting. */
class SignInModelTest {

    @TempDir
    Path dataFolder;

    private static final BackgroundExecutor SYNCHRONOUS = SynchronousBackground.INSTANCE;

    @Test
    void signsInOrSaysWhyNotAndNeverKeepsThePin() {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            Operators operators = new Operators(ledger.operators(), new PinHasher(1_000), Clock.systemUTC());
            var manager = operators.createFirstManager("malee", "Malee", "135790".toCharArray());
            operators.add(manager, "somchai", "Somchai", Role.CASHIER, "4321".toCharArray());
            SessionModel session = new SessionModel();
            SignInModel model = new SignInModel(operators, session, SYNCHRONOUS, TestWords.ENGLISH);

            model.operatorIdProperty().set("somchai");
            model.pinProperty().set("9999");
            model.signIn();
            assertThat(model.messageProperty().get()).isEqualTo("Wrong operator id or PIN.");
            assertThat(model.pinProperty().get()).isEmpty();
            assertThat(session.operator()).isNull();

            model.pinProperty().set("4321");
            model.signIn();
            assertThat(session.operator().id()).isEqualTo("somchai");
            assertThat(model.messageProperty().get()).isEmpty();
            assertThat(model.checkingProperty().get()).isFalse();
        }
    }
}
