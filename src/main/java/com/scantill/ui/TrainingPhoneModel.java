package com.scantill.ui;

import com.scantill.app.OmiseConnection;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** In training, the customer's phone on the till screen: the trainee answers for the customer while a charge waits. */
final class TrainingPhoneModel {

    private final OmiseConnection connection;
    private final boolean training;
    private final BackgroundExecutor background;
    private final Notice message;
    private final CashierMessages words;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private String chargeId;

    TrainingPhoneModel(OmiseConnection connection, boolean training, BackgroundExecutor background, Notice message,
                       CashierMessages words) {
        this.words = words;
        this.connection = connection;
        this.training = training;
        this.background = background;
        this.message = message;
    }

    /** The sale on the panel, or {@code null}: the phone answers only for a charge that waits for the customer. */
    void follow(Sale sale) {
        boolean waiting = training && sale != null && sale.status() == SaleStatus.PENDING;
        chargeId = waiting ? sale.chargeId() : null;
        active.set(waiting);
    }

    void approve() {
        answer(true);
    }

    void decline() {
        answer(false);
    }

    private void answer(boolean approve) {
        if (!active.get()) {
            return;
        }
        String charge = chargeId;
        background.run(() -> {
                    connection.answerOnTrainingPhone(charge, approve);
                    return charge;
                },
                answered -> message.info(words.text(approve ? "phone.approved" : "phone.declined")),
                failure -> message.problem(words.text("phone.failed", failure.getMessage())));
    }

    ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
