package com.scantill.ui;

import com.scantill.operators.Operators;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The first run: the first manager is created, and signed in. */
public final class SetupModel {

    private final Operators operators;
    private final SessionModel session;
    private final FormWork work;
    private final CashierMessages words;
    private final StringProperty operatorId = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinAgain = new SimpleStringProperty("");
    private final Notice message = new Notice();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public SetupModel(Operators operators, SessionModel session, BackgroundExecutor background, CashierMessages words) {
        this.operators = operators;
        this.session = session;
        this.words = words;
        this.work = new FormWork(background, working, message, words);
    }

    public void create() {
        if (working.get()) {
            return;
        }
        char[] first = pin.get().toCharArray();
        char[] second = pinAgain.get().toCharArray();
        pin.set("");
        pinAgain.set("");
        if (!Arrays.equals(first, second)) {
            message.problem(words.text("setup.pinsDiffer"));
            return;
        }
        String id = operatorId.get().strip();
        String name = displayName.get();
        work.run(words.text("setup.working"), () -> operators.createFirstManager(id, name, first), session::signedIn);
    }

    public StringProperty operatorIdProperty() {
        return operatorId;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
