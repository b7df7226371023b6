package com.scantill.ui;

import com.scantill.model.OperatorAccount;
import com.scantill.model.Role;
import com.scantill.operators.Operators;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A manager's list of operators: add one, disable or enable one, reset a PIN. */
public final class OperatorsModel {

    private final Operators operators;
    private final SessionModel session;
    private final BackgroundExecutor background;
    private final ObservableList<OperatorAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<OperatorAccount> selected = new SimpleObjectProperty<>();
    private final StringProperty newId = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.CASHIER);
    private final StringProperty pin = new SimpleStringProperty("");
    private final Notice message = new Notice();
    private final CashierMessages words;

    public OperatorsModel(Operators operators, SessionModel session, BackgroundExecutor background, CashierMessages words) {
        this.words = words;
        this.operators = operators;
        this.session = session;
        this.background = background;
    }

    public void activate() {
        refresh();
    }

    private void refresh() {
        background.run(operators::accounts, accounts::setAll, failure -> message.problem(words.of(failure)));
    }

    /** Adds an operator with the id, name, role and PIN typed. */
    public void add() {
        String id = newId.get().strip();
        String name = newName.get();
        Role role = newRole.get();
        char[] typed = pin.get().toCharArray();
        pin.set("");
        change(() -> operators.add(session.operator(), id, name, role, typed), words.text("operators.added", id), () -> {
            newId.set("");
            newName.set("");
        });
    }

    /** Gives the selected operator the PIN typed, lifting any lock-out. */
    public void resetPin() {
        OperatorAccount account = selected.get();
        if (account == null) {
            message.problem(words.text("operators.selectFirst"));
            return;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        change(() -> {
            operators.resetPin(session.operator(), account.operatorId(), typed);
            return null;
        }, words.text("operators.pinReset", account.operatorId()), () -> { });
    }

    public void toggleEnabled() {
        OperatorAccount account = selected.get();
        if (account == null) {
            message.problem(words.text("operators.selectFirst"));
            return;
        }
        boolean enable = !account.enabled();
        change(() -> {
            operators.setEnabled(session.operator(), account.operatorId(), enable);
            return null;
        }, words.text(enable ? "operators.enabled" : "operators.disabled", account.operatorId()), () -> { });
    }

    private void change(Callable<?> work, String done, Runnable after) {
        message.info(words.text("operators.saving"));
        background.run(work, result -> {
            message.done(done);
            after.run();
            refresh();
        }, failure -> message.problem(words.of(failure)));
    }

    public ObservableList<OperatorAccount> accounts() {
        return accounts;
    }

    public ObjectProperty<OperatorAccount> selectedProperty() {
        return selected;
    }

    public StringProperty newIdProperty() {
        return newId;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
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
}
