package com.scantill.ui;

import com.scantill.model.Money;
import com.scantill.model.UpmRules;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The amount the cashier keys for the next sale, checked against the limits of a User-Presented Mode charge as it is typed. */
final class AmountModel {

    private final CashierMessages words;
    private final StringProperty text = new SimpleStringProperty("");
    private long amount;
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper(Money.format(0));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);

    AmountModel(CashierMessages words) {
        this.words = words;
        text.addListener((observable, before, now) -> keyed(now));
        keyed("");
    }

    /** A key of the on-screen keypad: a digit, {@code 00}, {@code .}, {@code ⌫} (delete) or {@code C} (clear). */
    void keypad(String key) {
        if (!editable.get()) {
            return;
        }
        String now = text.get();
        switch (key) {
            case "C" -> text.set("");
            case "⌫" -> text.set(now.isEmpty() ? "" : now.substring(0, now.length() - 1));
            default -> text.set(now + key);
        }
    }

    /** The amount in satang; 0 unless {@link #readyProperty() ready}. */
    long amount() {
        return ready.get() ? amount : 0;
    }

    boolean ready() {
        return ready.get();
    }

    /** Held while a sale is sent and followed, so that its amount cannot change under it. */
    void hold() {
        editable.set(false);
    }

    /** Free to key the next sale's amount, the last one cleared: a finished sale never lends its amount to the next scan. */
    void clearForNextSale() {
        editable.set(true);
        text.set("");
    }

    /** Free to key again, the amount kept (the sale was refused before anything was sent). */
    void release() {
        editable.set(true);
    }

    /** Says again what the amount field says, in the language of the moment. */
    void reword() {
        keyed(text.get());
    }

    private void keyed(String typed) {
        if (typed == null || typed.isBlank()) {
            amount = 0;
            shown.set(Money.format(0));
            message.set(words.amount(null));
            ready.set(false);
            return;
        }
        try {
            amount = Money.parse(typed);
            shown.set(Money.format(amount));
            message.set(words.amount(amount));
            ready.set(UpmRules.isWithinLimits(amount));
        } catch (IllegalArgumentException notAnAmount) {
            amount = 0;
            shown.set("—");
            message.set(words.text("amount.notAnAmount", typed.strip()));
            ready.set(false);
        }
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }
}
