package com.scantill.ui;

import com.scantill.app.TillRuntime;
import com.scantill.checkout.CheckoutRefusedException;
import com.scantill.checkout.OmiseAccess;
import com.scantill.checkout.SaleState;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.Money;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.operators.Operator;
import com.scantill.scanner.Scan;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The sale on the status panel, from the scan to what the cashier must act on: as the checkout engine decides it,
 * with the expiry a supervisor approves and the cashier's giving up on a charge that never comes.
 */
final class CurrentSaleModel {

    /** How the status panel looks; each is a CSS style class {@code panel-…}. */
    enum Panel {
        READY, SENDING, WAITING, CHECKING, PAID, FAILED, EXPIRED, NOT_CHARGED, NEEDS_ATTENTION, KEY_REFUSED
    }

    private final TillRuntime runtime;
    private final SessionModel session;
    private final AmountModel amount;
    private final TrainingPhoneModel phone;
    private final ApprovedActions approved;
    private final BackgroundExecutor background;
    private final Notice message;
    private final Clock clock;
    private final CashierMessages words;

    private final ReadOnlyObjectWrapper<Panel> panel = new ReadOnlyObjectWrapper<>(Panel.READY);
    private final ReadOnlyStringWrapper panelTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper panelDetail = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    /** The payment method of the sale shown, and its wallet once Omise names it; empty while none is. */
    private final ReadOnlyStringWrapper method = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper expireAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper newSaleAvailable = new ReadOnlyBooleanWrapper(false);

    private final Map<String, SaleState> latest = new HashMap<>();
    private List<String> recoveredReferences = List.of();
    private String recoveryText;
    /** The sale on the panel: {@code ""} while its start is on its way, {@code null} when there is none. */
    private String currentReference;
    private SaleState current;
    private boolean keyRefused;

    CurrentSaleModel(TillRuntime runtime, SessionModel session, AmountModel amount, TrainingPhoneModel phone,
                     ApprovedActions approved, BackgroundExecutor background, Notice message, Clock clock,
                     CashierMessages words) {
        this.runtime = runtime;
        this.session = session;
        this.amount = amount;
        this.phone = phone;
        this.approved = approved;
        this.background = background;
        this.message = message;
        this.clock = clock;
        this.words = words;
        amount.textProperty().addListener((observable, before, now) -> amountKeyed(now));
        showPanel();
    }

    private void amountKeyed(String text) {
        if (text != null && !text.isBlank()) {
            message.clearProblem();
            if (current != null && settled(current.sale())) {
                // Keying the next amount starts the next sale; the finished one stays in the list.
                current = null;
                currentReference = null;
            }
        }
        if (current == null) {
            showPanel();
        }
    }

    void scanned(Scan scan) {
        Operator operator = session.operator();
        if (operator == null) {
            message.problem(words.text("scan.signInFirst"));
            return;
        }
        if (saleInProgress()) {
            message.problem(words.text("scan.saleInProgress"));
            return;
        }
        if (!amount.ready()) {
            message.problem(current != null && settled(current.sale())
                    ? words.text("scan.keyNextAmount") : words.text("scan.keyAmount"));
            return;
        }
        CompletionStage<SaleState> started;
        try {
            started = runtime.engine().startSale(amount.amount(), scan.paymentCode(), operator.id());
        } catch (RuntimeException refused) {
            message.problem(words.of(refused));
            return;
        }
        message.clear();
        currentReference = "";
        current = null;
        amount.hold();
        show(Panel.SENDING, words.sending(amount.amount()), words.sendingDetail(scan.paymentCode().masked()));
        method.set(words.current().method(scan.paymentCode().method().sourceType(), scan.paymentCode().wallet()));
        background.whenDone(started, state -> {
            currentReference = state.tillReference();
            current = latest.getOrDefault(currentReference, state);
            showPanel();
        }, failure -> {
            currentReference = null;
            amount.release();
            message.problem(failure instanceof CheckoutRefusedException ? words.of(failure)
                    : words.text("sale.notRecorded", failure.getMessage()));
            showPanel();
        });
    }

    /** A sale is being sent, or its charge is not yet final. */
    private boolean saleInProgress() {
        return current == null ? currentReference != null : !settled(current.sale());
    }

    /** Nothing more for the cashier to wait for: final, or handed to a supervisor because Omise does not know it. */
    private static boolean settled(Sale sale) {
        return sale.status().isFinal() || sale.needsAttention();
    }

    /** The sale on the panel, or {@code null} when it shows none. */
    Sale shown() {
        return current == null ? null : current.sale();
    }

    void saleChanged(SaleState state) {
        latest.put(state.tillReference(), state);
        if (state.tillReference().equals(currentReference)) {
            current = state;
            if (settled(state.sale())) {
                amount.clearForNextSale();
            }
            showPanel();
        }
        if (recoveredReferences.contains(state.tillReference())) {
            announceRecovery();
        }
    }

    void accessChanged(OmiseAccess access) {
        keyRefused = access == OmiseAccess.KEY_REFUSED;
        showPanel();
    }

    /** Tells the cashier what the last run left unfinished, and follows on the panel the newest still open. */
    void recovered(List<SaleState> states) {
        if (states.isEmpty()) {
            return;
        }
        states.forEach(state -> latest.putIfAbsent(state.tillReference(), state));
        recoveredReferences = states.stream().map(SaleState::tillReference).toList();
        if (currentReference == null) {
            states.stream().filter(state -> !state.sale().status().isFinal())
                    .max(Comparator.comparing(state -> state.sale().createdAt()))
                    .ifPresent(state -> {
                        currentReference = state.tillReference();
                        current = latest.get(currentReference);
                        amount.hold();
                        showPanel();
                    });
        }
        announceRecovery();
    }

    private void announceRecovery() {
        String before = recoveryText;
        recoveryText = words.recovered(recoveredReferences.stream().map(reference -> latest.get(reference).sale()).toList());
        if (before == null || before.equals(message.text())) {
            message.info(recoveryText);
        }
    }

    /** Clears a finished sale for the next customer. */
    void newSale() {
        if (!newSaleAvailable.get()) {
            return;
        }
        message.clear();
        readyForNextSale();
    }

    private void readyForNextSale() {
        current = null;
        currentReference = null;
        amount.clearForNextSale();
        showPanel();
    }

    /**
     * The cashier stops waiting for a charge left pending past the limit, when no supervisor can expire it: the till
     * keeps following the charge, and flags a refund if the customer pays after all.
     */
    void stopWaiting() {
        if (!expireAvailable.get()) {
            return;
        }
        String reference = current.sale().tillReference();
        CompletionStage<SaleState> stopped;
        try {
            stopped = runtime.engine().abandon(reference, session.operator().id());
        } catch (RuntimeException refused) {
            message.problem(words.of(refused));
            return;
        }
        background.whenDone(stopped, state -> {
            message.info(words.text("sale.stoppedWaiting", reference));
            readyForNextSale();
        }, failure -> message.problem(words.of(failure)));
    }

    /** Asks for a supervisor's PIN, then asks Omise to expire the pending charge. */
    void expire() {
        if (!expireAvailable.get()) {
            return;
        }
        Sale sale = current.sale();
        approved.ask(words.text("expire.ask", sale.tillReference(), Money.format(sale.amount())),
                new ApprovalRequest(ApprovalRequest.Action.EXPIRE, sale.tillReference(), sale.amount()),
                words.text("expire.working"),
                approval -> runtime.engine().expire(sale.tillReference(), approval),
                (state, approval) -> {
                    if (state.sale().status() == SaleStatus.EXPIRED) {
                        message.done(words.text("expire.done", approval.approverName()));
                    } else {
                        message.info(words.text("expire.customerFirst", words.status(state.sale().status()), approval.approverName()));
                    }
                }, () -> { });
    }

    /** Says the panel again in the language of the moment. */
    void reword() {
        showPanel();
    }

    /** Once a second: how long the customer has been waited for. */
    void tick() {
        if (current != null && !current.sale().status().isFinal()) {
            Duration waited = Duration.between(current.sale().createdAt(), clock.instant());
            elapsed.set(String.format("%d:%02d", waited.toMinutes(), waited.toSecondsPart()));
        }
    }

    private void showPanel() {
        if (current == null) {
            if (currentReference == null && keyRefused) {
                show(Panel.KEY_REFUSED, words.keyRefusedTitle(), words.keyRefused());
            } else if (currentReference == null) {
                show(Panel.READY, amount.ready() ? Money.format(amount.amount()) : words.ready(), amount.messageProperty().get());
            }
            expireAvailable.set(false);
            newSaleAvailable.set(false);
            phone.follow(null);
            elapsed.set("");
            if (currentReference == null) {
                method.set("");
            }
            return;
        }
        Sale sale = current.sale();
        show(panelOf(sale), words.panelTitle(sale), words.panelDetail(sale, current.expiryOffered()));
        method.set(words.methodAndWallet(sale));
        boolean finished = settled(sale);
        expireAvailable.set(sale.status() == SaleStatus.PENDING && current.expiryOffered() && !sale.needsAttention());
        newSaleAvailable.set(finished);
        phone.follow(sale);
        if (finished) {
            elapsed.set("");
        } else {
            tick();
        }
    }

    private static Panel panelOf(Sale sale) {
        if (sale.needsAttention() && !sale.status().isFinal()) {
            return Panel.NEEDS_ATTENTION;
        }
        return switch (sale.status()) {
            case CREATED, CREATING -> Panel.SENDING;
            case PENDING -> Panel.WAITING;
            case UNKNOWN -> Panel.CHECKING;
            case SUCCESSFUL -> Panel.PAID;
            case FAILED, REVERSED -> Panel.FAILED;
            case EXPIRED -> Panel.EXPIRED;
            case NOT_CREATED -> Panel.NOT_CHARGED;
        };
    }

    private void show(Panel kind, String title, String detail) {
        panel.set(kind);
        panelTitle.set(title);
        panelDetail.set(detail);
    }

    ReadOnlyObjectProperty<Panel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    /** Runs {@code action} when the panel changes, for views that restyle themselves. */
    void onPanelChange(Consumer<Panel> action) {
        panel.addListener((observable, before, now) -> action.accept(now));
        action.accept(panel.get());
    }

    ReadOnlyStringProperty panelTitleProperty() {
        return panelTitle.getReadOnlyProperty();
    }

    ReadOnlyStringProperty panelDetailProperty() {
        return panelDetail.getReadOnlyProperty();
    }

    ReadOnlyStringProperty methodProperty() {
        return method.getReadOnlyProperty();
    }

    ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty expireAvailableProperty() {
        return expireAvailable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty newSaleAvailableProperty() {
        return newSaleAvailable.getReadOnlyProperty();
    }
}
