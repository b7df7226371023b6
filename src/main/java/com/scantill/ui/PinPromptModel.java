package com.scantill.ui;

import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.operators.Operators;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Asks a supervisor for their id and PIN on the spot, whoever is signed in, to approve one request. The approval
 * goes to the request it was asked for, or nowhere: a prompt cancelled, or replaced by another, while the PIN is
 * being checked drops the approval when it comes.
 */
public final class PinPromptModel {

    private final Operators operators;
    private final FormWork work;
    private final CashierMessages words;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final Notice message = new Notice();
    private final StringProperty operatorId = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private Asked asked;

    /** One showing of the prompt: what it asks for and what to do with the approval. */
    private record Asked(ApprovalRequest request, Consumer<Approval> onApproved) {
    }

    public PinPromptModel(Operators operators, BackgroundExecutor background, CashierMessages words) {
        this.operators = operators;
        this.words = words;
        this.work = new FormWork(background, checking, message, words);
        // A refusal is old news once the supervisor types again.
        operatorId.addListener((observable, before, now) -> message.clearProblem());
        pin.addListener((observable, before, now) -> {
            if (!now.isEmpty()) {
                message.clearProblem();
            }
        });
    }

    /** Shows the prompt; {@code approved} runs on the FX thread with the approval of {@code request}, if it is given. */
    public void ask(String why, ApprovalRequest request, Consumer<Approval> approved) {
        reason.set(why);
        asked = new Asked(request, approved);
        operatorId.set("");
        pin.set("");
        message.clear();
        showing.set(true);
    }

    public void submit() {
        if (checking.get()) {
            return;
        }
        Asked submitted = asked;
        if (submitted == null) {
            return;
        }
        String id = operatorId.get();
        char[] typed = pin.get().toCharArray();
        pin.set("");
        work.run(words.text("pin.checking"), () -> operators.approve(id, typed, submitted.request()), approval -> {
            if (asked != submitted) {
                // Cancelled, or another request asked meanwhile: this approval is for nothing on screen now.
                return;
            }
            asked = null;
            showing.set(false);
            submitted.onApproved().accept(approval);
        });
    }

    public void cancel() {
        asked = null;
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
