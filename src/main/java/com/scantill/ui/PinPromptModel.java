package com.scantill.ui;

import com.scantill.ledger.Role;
import com.scantill.operators.Operator;
import com.scantill.operators.Operators;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Asks a supervisor for their id and PIN on the spot, whoever is signed in. */
public final class PinPromptModel {

    private final Operators operators;
    private final FormWork work;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final Notice message = new Notice();
    private final StringProperty operatorId = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private Role needed;
    private Consumer<Operator> onApproved;

    public PinPromptModel(Operators operators, BackgroundExecutor background) {
        this.operators = operators;
        this.work = new FormWork(background, checking, message);
        // A refusal is old news once the supervisor types again.
        operatorId.addListener((observable, before, now) -> message.clearProblem());
        pin.addListener((observable, before, now) -> {
            if (!now.isEmpty()) {
                message.clearProblem();
            }
        });
    }

    /** Shows the prompt; {@code onApproved} runs on the FX thread once a PIN of {@code role} or above is given. */
    public void ask(String why, Role role, Consumer<Operator> approved) {
        reason.set(why);
        needed = role;
        onApproved = approved;
        operatorId.set("");
        pin.set("");
        message.clear();
        showing.set(true);
    }

    public void submit() {
        if (checking.get()) {
            return;
        }
        String id = operatorId.get();
        char[] typed = pin.get().toCharArray();
        pin.set("");
        work.run("Checking…", () -> operators.approve(id, typed, needed), approver -> {
            showing.set(false);
            onApproved.accept(approver);
        });
    }

    public void cancel() {
        pin.set("");
        showing.set(false);
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public StringProperty operatorIdProperty() {
        return operatorId;
    }

    public StringProperty pinProperty() {
        return pin;
    }
}
