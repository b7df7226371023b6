package com.scantill.ui;

import com.scantill.operators.Operators;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Signing in with an operator id and PIN; checked off the FX thread, since PIN hashing is slow on purpose. */
public final class SignInModel {

    private final Operators operators;
    private final SessionModel session;
    private final StringProperty operatorId = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final Notice message = new Notice();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final FormWork work;
    private final CashierMessages words;

    public SignInModel(Operators operators, SessionModel session, BackgroundExecutor background, CashierMessages words) {
        this.operators = operators;
        this.session = session;
        this.words = words;
        this.work = new FormWork(background, checking, message, words);
        // A refusal is old news once the person types again.
        operatorId.addListener((observable, before, now) -> message.clearProblem());
        pin.addListener((observable, before, now) -> {
            if (!now.isEmpty()) {
                message.clearProblem();
            }
        });
    }

    public void reset() {
        operatorId.set("");
        pin.set("");
        message.info(session.noticeProperty().get());
    }

    public void signIn() {
        if (checking.get()) {
            return;
        }
        String id = operatorId.get();
        char[] typed = pin.get().toCharArray();
        pin.set("");
        work.run(words.text("pin.checking"), () -> operators.signIn(id, typed), session::signedIn);
    }

    public StringProperty operatorIdProperty() {
        return operatorId;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
