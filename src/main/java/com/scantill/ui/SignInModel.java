package com.scantill.ui;

import com.scantill.operators.Operators;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Signing in with an operator id and PIN; checked off the FX thread, since PIN hashing is slow on purpose. */
public final class SignInModel {

    private final Operators operators;
    private final SessionModel session;
    private final BackgroundExecutor background;
    private final StringProperty operatorId = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);

    public SignInModel(Operators operators, SessionModel session, BackgroundExecutor background) {
        this.operators = operators;
        this.session = session;
        this.background = background;
    }

    public void reset() {
        operatorId.set("");
        pin.set("");
        message.set(session.noticeProperty().get());
    }

    public void signIn() {
        if (checking.get()) {
            return;
        }
        String id = operatorId.get();
        char[] typed = pin.get().toCharArray();
        pin.set("");
        checking.set(true);
        message.set("Checking…");
        background.run(() -> operators.signIn(id, typed), who -> {
            checking.set(false);
            message.set("");
            session.signedIn(who);
        }, failure -> {
            checking.set(false);
            message.set(failure.getMessage());
        });
    }

    public StringProperty operatorIdProperty() {
        return operatorId;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
