package com.scantill.ui;

import com.scantill.app.TillMode;
import com.scantill.app.TillRuntime;
import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.CheckoutRefusedException;
import com.scantill.checkout.OmiseAccess;
import com.scantill.checkout.SaleState;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.Money;
import com.scantill.model.RefundRecord;
import com.scantill.model.Role;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.WeChatPayUpm;
import com.scantill.operators.Operator;
import com.scantill.operators.Operators;
import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cashier's screen: the amount, the sale in progress as the checkout engine decides it, the shift's
 * transactions, and the actions a supervisor approves. Everything here runs on the FX thread; the engine, the
 * ledger and the network are reached through the engine's own threads or the background executor.
 */
public final class TillModel {

    /** How the status panel looks; each is a CSS style class {@code panel-…}. */
    public enum Panel {
        READY, SENDING, WAITING, CHECKING, PAID, FAILED, EXPIRED, NOT_CHARGED, NEEDS_ATTENTION, KEY_REFUSED
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TillRuntime runtime;
    private final SessionModel session;
    private final PinPromptModel pinPrompt;
    private final BackgroundExecutor background;
    private final Clock clock;
    private final ZoneId zone;

    private final StringProperty amountText = new SimpleStringProperty("");
    private final ReadOnlyLongWrapper amount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper amountShown = new ReadOnlyStringWrapper(Money.format(0));
    private final ReadOnlyStringWrapper amountMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper amountReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper amountEditable = new ReadOnlyBooleanWrapper(true);

    private final ReadOnlyObjectWrapper<Panel> panel = new ReadOnlyObjectWrapper<>(Panel.READY);
    private final ReadOnlyStringWrapper panelTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper panelDetail = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper expireAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper newSaleAvailable = new ReadOnlyBooleanWrapper(false);
    private final Notice message = new Notice();
    private final ReadOnlyStringWrapper refundWarning = new ReadOnlyStringWrapper("");

    private final ObservableList<Sale> transactions = FXCollections.observableArrayList();
    private final ObjectProperty<Sale> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final StringProperty refundAmountText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper refundAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper confirmRecoveredAvailable = new ReadOnlyBooleanWrapper(false);

    private final boolean training;
    private final ReadOnlyBooleanWrapper phoneActive = new ReadOnlyBooleanWrapper(false);

    private final Map<String, SaleState> latest = new HashMap<>();
    private boolean recoveryAsked;
    private List<String> recoveredReferences = List.of();
    private String recoveryText;
    private String currentReference;
    private SaleState current;
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> tick()));

    private boolean keyRefused;
    private final CheckoutListener engineListener = new CheckoutListener() {
        @Override
        public void saleChanged(SaleState state) {
            Platform.runLater(() -> TillModel.this.saleChanged(state));
        }

        @Override
        public void accessChanged(OmiseAccess access) {
            Platform.runLater(() -> {
                keyRefused = access == OmiseAccess.KEY_REFUSED;
                showPanel();
            });
        }
    };
    private final ScanListener scanListener = new ScanListener() {
        @Override
        public void scanned(Scan scan) {
            Platform.runLater(() -> onScan(scan));
        }

        @Override
        public void rejected(RejectedScan rejected) {
            Platform.runLater(() -> message.problem(rejected.message()));
        }
    };

    public TillModel(TillRuntime runtime, SessionModel session, PinPromptModel pinPrompt, BackgroundExecutor background,
                     Clock clock) {
        this.runtime = runtime;
        this.session = session;
        this.pinPrompt = pinPrompt;
        this.background = background;
        this.clock = clock;
        this.training = runtime.connection().mode() == TillMode.TRAINING;
        this.zone = runtime.settings().options().shopZone();
        ticker.setCycleCount(Timeline.INDEFINITE);
        amountText.addListener((observable, before, now) -> amountChanged(now));
        selected.addListener((observable, before, now) -> showDetails(now));
        amountChanged("");
        showPanel();
    }

    public void activate() {
        runtime.engine().addListener(engineListener);
        keyRefused = runtime.engine().access() == OmiseAccess.KEY_REFUSED;
        showPanel();
        runtime.scans().addListener(scanListener);
        ticker.play();
        refreshTransactions();
        tellAManagerOfLockOuts();
        if (!recoveryAsked) {
            recoveryAsked = true;
            runtime.engine().recoveredSales().thenAccept(references -> background.run(
                    () -> references.stream().map(reference -> runtime.engine().state(reference)).flatMap(Optional::stream).toList(),
                    this::recovered, failure -> message.problem("The sales resumed after the restart could not be read: "
                            + failure.getMessage())));
        }
    }

    /** A manager signing in hears of operators locked out by wrong PINs: someone may be guessing. */
    private void tellAManagerOfLockOuts() {
        Operator who = session.operator();
        if (who == null || !who.may(Role.MANAGER)) {
            return;
        }
        background.run(() -> runtime.operators().accounts().stream()
                        .filter(account -> account.failedAttempts() >= Operators.MAX_ATTEMPTS).toList(),
                locked -> {
                    if (!locked.isEmpty()) {
                        message.problem("Locked out after wrong PINs: " + locked.stream().map(account -> account.operatorId()
                                + " (" + account.failedAttempts() + " wrong)").collect(Collectors.joining(", "))
                                + ". Check with them; a PIN reset (F8) lifts the lock.");
                    }
                }, failure -> { });
    }

    /** Tells the cashier what the last run left unfinished, and follows on the panel the newest still open. */
    private void recovered(List<SaleState> states) {
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
                        amountEditable.set(false);
                        showPanel();
                    });
        }
        announceRecovery();
    }

    private void announceRecovery() {
        String before = recoveryText;
        StringBuilder text = new StringBuilder("Recovered after restart: ");
        for (int i = 0; i < recoveredReferences.size(); i++) {
            Sale sale = latest.get(recoveredReferences.get(i)).sale();
            text.append(i == 0 ? "" : "; ").append(Money.format(sale.amount())).append(' ').append(CashierMessages.status(sale.status()))
                    .append(sale.chargeId() == null ? "" : ", charge " + sale.chargeId())
                    .append(" (sale ").append(sale.tillReference()).append(')');
        }
        recoveryText = text.append('.').toString();
        if (before == null || before.equals(message.text())) {
            message.info(recoveryText);
        }
    }

    public void deactivate() {
        runtime.engine().removeListener(engineListener);
        runtime.scans().removeListener(scanListener);
        ticker.stop();
    }

    // --- amount ---

    /** A key of the on-screen keypad: a digit, {@code 00}, {@code .}, {@code ⌫} (delete) or {@code C} (clear). */
    public void keypad(String key) {
        if (!amountEditable.get()) {
            return;
        }
        String text = amountText.get();
        switch (key) {
            case "C" -> amountText.set("");
            case "⌫" -> amountText.set(text.isEmpty() ? "" : text.substring(0, text.length() - 1));
            default -> amountText.set(text + key);
        }
    }

    private void amountChanged(String text) {
        if (text != null && !text.isBlank()) {
            message.clearProblem();
            if (current != null && settled(current.sale())) {
                // Keying the next amount starts the next sale; the finished one stays in the list.
                current = null;
                currentReference = null;
            }
        }
        if (text == null || text.isBlank()) {
            amount.set(0);
            amountShown.set(Money.format(0));
            amountMessage.set("Key the amount: " + Money.format(WeChatPayUpm.MIN_AMOUNT_SATANG) + " to "
                    + Money.format(WeChatPayUpm.MAX_AMOUNT_SATANG) + ".");
            amountReady.set(false);
        } else {
            try {
                long satang = Money.parse(text);
                amount.set(satang);
                amountShown.set(Money.format(satang));
                if (satang < WeChatPayUpm.MIN_AMOUNT_SATANG) {
                    amountMessage.set("The least WeChat Pay takes is " + Money.format(WeChatPayUpm.MIN_AMOUNT_SATANG) + ".");
                } else if (satang > WeChatPayUpm.MAX_AMOUNT_SATANG) {
                    amountMessage.set("The most WeChat Pay takes is " + Money.format(WeChatPayUpm.MAX_AMOUNT_SATANG) + ".");
                } else {
                    amountMessage.set("Scan the customer's payment code.");
                }
                amountReady.set(WeChatPayUpm.isWithinLimits(satang));
            } catch (IllegalArgumentException e) {
                amount.set(0);
                amountShown.set("—");
                amountMessage.set(e.getMessage());
                amountReady.set(false);
            }
        }
        if (current == null) {
            showPanel();
        }
    }

    // --- the sale ---

    private void onScan(Scan scan) {
        Operator operator = session.operator();
        if (operator == null) {
            message.problem("Sign in before scanning. Nothing was sent.");
            return;
        }
        if (saleInProgress()) {
            message.problem("A sale is in progress. Finish it before scanning again. Nothing was sent.");
            return;
        }
        if (!amountReady.get()) {
            message.problem(current != null && settled(current.sale())
                    ? "Key the amount of the new sale first, then scan. Nothing was sent."
                    : "Key the amount before scanning the payment code. Nothing was sent.");
            return;
        }
        try {
            CompletionStage<SaleState> started = runtime.engine().startSale(amount.get(), scan.paymentCode(), operator.id());
            message.clear();
            currentReference = "";
            current = null;
            amountEditable.set(false);
            panel.set(Panel.SENDING);
            panelTitle.set("Sending " + Money.format(amount.get()) + "…");
            panelDetail.set("Payment code " + scan.paymentCode().masked());
            started.whenComplete((state, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    currentReference = null;
                    amountEditable.set(true);
                    message.problem(cause(failure) instanceof CheckoutRefusedException ? CashierMessages.of(cause(failure), zone)
                            : "The sale could not be recorded: " + cause(failure).getMessage());
                    showPanel();
                    return;
                }
                currentReference = state.tillReference();
                current = latest.getOrDefault(currentReference, state);
                showPanel();
            }));
        } catch (RuntimeException refused) {
            message.problem(CashierMessages.of(refused, zone));
        }
    }

    /** A sale is being sent, or its charge is not yet final. */
    private boolean saleInProgress() {
        return current == null ? currentReference != null : !settled(current.sale());
    }

    /** Nothing more for the cashier to wait for: final, or handed to a supervisor because Omise does not know it. */
    private static boolean settled(Sale sale) {
        return sale.status().isFinal() || sale.needsAttention();
    }

    private void saleChanged(SaleState state) {
        latest.put(state.tillReference(), state);
        if (state.tillReference().equals(currentReference)) {
            current = state;
            if (settled(state.sale())) {
                // A finished sale never lends its amount to the next scan.
                amountEditable.set(true);
                amountText.set("");
            }
            showPanel();
        }
        if (recoveredReferences.contains(state.tillReference())) {
            announceRecovery();
        }
        refreshTransactions();
    }

    /** Clears a finished sale for the next customer. */
    public void newSale() {
        if (!newSaleAvailable.get()) {
            return;
        }
        message.clear();
        readyForNextSale();
    }

    /** Forgets the sale on the panel and clears the amount for the next customer. */
    private void readyForNextSale() {
        current = null;
        currentReference = null;
        amountEditable.set(true);
        amountText.set("");
        showPanel();
    }

    /**
     * The cashier stops waiting for a charge left pending past the limit, when no supervisor can expire it: the till
     * keeps following the charge, and flags a refund if the customer pays after all.
     */
    public void stopWaiting() {
        if (!expireAvailable.get()) {
            return;
        }
        Operator operator = session.operator();
        String reference = current.sale().tillReference();
        runtime.engine().abandon(reference, operator.id()).whenComplete((state, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.problem(CashierMessages.of(cause(failure), zone));
                return;
            }
            message.info("Stopped waiting for sale " + reference + ". It is still followed; a refund is flagged if the "
                    + "customer pays after all.");
            readyForNextSale();
        }));
    }

    /** Asks for a supervisor's PIN, then asks Omise to expire the pending charge. */
    public void expire() {
        if (!expireAvailable.get()) {
            return;
        }
        Sale sale = current.sale();
        pinPrompt.ask("Expire sale " + sale.tillReference() + " of " + Money.format(sale.amount())
                + ": the customer will not be charged.",
                new ApprovalRequest(ApprovalRequest.Action.EXPIRE, sale.tillReference(), sale.amount()), supervisor -> {
                    message.info("Expiring the charge…");
                    runtime.engine().expire(sale.tillReference(), supervisor).whenComplete((state, failure) ->
                            Platform.runLater(() -> {
                                if (failure != null) {
                                    message.problem(CashierMessages.of(cause(failure), zone));
                                } else if (state.sale().status() == SaleStatus.EXPIRED) {
                                    message.done("Expiry approved by " + supervisor.approverName() + ".");
                                } else {
                                    message.info("The charge was not expired: the customer finished first ("
                                            + CashierMessages.status(state.sale().status()) + "). Expiry was approved by "
                                            + supervisor.approverName() + ".");
                                }
                            }));
                });
    }

    // --- the customer's phone, in training ---

    public void approveOnPhone() {
        onPhone(true);
    }

    public void declineOnPhone() {
        onPhone(false);
    }

    private void onPhone(boolean approve) {
        if (!phoneActive.get()) {
            return;
        }
        String chargeId = current.sale().chargeId();
        background.run(() -> {
                    runtime.connection().answerOnTrainingPhone(chargeId, approve);
                    return chargeId;
                },
                answered -> message.info(approve ? "The customer approved on their phone." : "The customer declined on their phone."),
                failure -> message.problem("The customer's phone could not answer: " + failure.getMessage()));
    }

    // --- transactions and refunds ---

    private void refreshTransactions() {
        Instant from = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        String tillId = runtime.settings().tillId();
        background.run(() -> runtime.ledger().sales().salesCreatedBetween(from, from.plus(Duration.ofDays(1))).stream()
                        .filter(sale -> sale.tillId().equals(tillId))
                        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                        .toList(),
                this::showTransactions,
                failure -> message.problem("The transactions could not be read: " + failure.getMessage()));
    }

    private void showTransactions(List<Sale> sales) {
        String selectedReference = selected.get() == null ? null : selected.get().tillReference();
        transactions.setAll(sales);
        if (selectedReference != null) {
            sales.stream().filter(sale -> sale.tillReference().equals(selectedReference)).findFirst().ifPresent(selected::set);
        }
        List<Sale> owed = sales.stream().filter(sale -> sale.refundOwed() && sale.refundableAmount() > 0).toList();
        refundWarning.set(owed.isEmpty() ? "" : "REFUND OWED: sale " + owed.get(0).tillReference() + " was paid ("
                + Money.format(owed.get(0).amount()) + ") after it was " + (owed.get(0).expireRequested() ? "expired"
                : owed.get(0).abandoned() ? "abandoned" : "settled as not charged")
                + ". Select it and refund the customer (F6)." + (owed.size() > 1 ? " " + (owed.size() - 1) + " more." : ""));
    }

    private void showDetails(Sale sale) {
        if (sale == null) {
            details.set("");
            refundAvailable.set(false);
            confirmRecoveredAvailable.set(false);
            return;
        }
        refundAvailable.set(sale.status() == SaleStatus.SUCCESSFUL && sale.refundableAmount() > 0);
        confirmRecoveredAvailable.set(sale.recoveredFromOmise() && sale.status().isFinal());
        refundAmountText.set(sale.refundableAmount() > 0 ? Money.format(sale.refundableAmount()).substring(1) : "");
        String reference = sale.tillReference();
        background.run(() -> new SaleHistory(runtime.ledger().sales().events(reference), runtime.ledger().sales().refunds(reference)),
                history -> details.set(describe(sale, history)),
                failure -> details.set(describe(sale, new SaleHistory(List.of(), List.of()))));
    }

    private record SaleHistory(List<SaleEvent> events, List<RefundRecord> refunds) {
    }

    private String describe(Sale sale, SaleHistory history) {
        StringBuilder text = new StringBuilder();
        text.append("Sale ").append(sale.tillReference()).append('\n')
                .append(Money.format(sale.amount())).append(" · ").append(sale.status()).append('\n')
                .append("Payment code ").append(sale.paymentCodeMasked()).append('\n')
                .append("Charge ").append(sale.chargeId() == null ? "none" : sale.chargeId()).append('\n')
                .append("Cashier ").append(sale.operatorId()).append(" · ").append(TIME.withZone(zone).format(sale.createdAt()));
        if (sale.failureCode() != null) {
            text.append('\n').append("Failure ").append(sale.failureCode());
        }
        if (sale.refundedAmount() > 0) {
            text.append('\n').append("Refunded ").append(Money.format(sale.refundedAmount()));
        }
        for (RefundRecord refund : history.refunds()) {
            text.append('\n').append("  refund ").append(Money.format(refund.amount())).append(' ')
                    .append(refund.status()).append(" approved by ").append(refund.approvedBy());
        }
        text.append('\n').append("History:");
        for (SaleEvent event : history.events()) {
            text.append('\n').append("  ").append(TIME.withZone(zone).format(event.occurredAt())).append(' ')
                    .append(event.kind()).append(event.operatorId() == null ? "" : " by " + event.operatorId());
        }
        return text.toString();
    }

    /** Asks for a supervisor's PIN, then refunds the amount typed from the selected sale. */
    public void refundSelected() {
        Sale sale = selected.get();
        Operator operator = session.operator();
        if (sale == null || !refundAvailable.get() || operator == null) {
            return;
        }
        long refund;
        try {
            refund = Money.parse(refundAmountText.get());
        } catch (IllegalArgumentException e) {
            message.problem(e.getMessage());
            return;
        }
        if (refund <= 0 || refund > sale.refundableAmount()) {
            message.problem("A refund of sale " + sale.tillReference() + " is more than " + Money.format(0) + " and at most "
                    + Money.format(sale.refundableAmount()) + ".");
            return;
        }
        pinPrompt.ask("Refund " + Money.format(refund) + " of sale " + sale.tillReference() + ".",
                new ApprovalRequest(ApprovalRequest.Action.REFUND, sale.tillReference(), refund), supervisor -> {
                    message.info("Refunding…");
                    runtime.engine().refund(sale.tillReference(), refund, operator.id(), supervisor)
                            .whenComplete((record, failure) -> Platform.runLater(() -> {
                                if (failure != null) {
                                    message.problem(CashierMessages.of(cause(failure), zone));
                                } else {
                                    message.done("Refunded " + Money.format(record.amount()) + ", approved by "
                                            + supervisor.approverName() + ".");
                                }
                                refreshTransactions();
                            }));
                });
    }

    /** Asks for a supervisor's PIN, then confirms the selected sale, taken back from Omise, as a real sale. */
    public void confirmSelectedRecovered() {
        Sale sale = selected.get();
        if (sale == null || !confirmRecoveredAvailable.get()) {
            return;
        }
        pinPrompt.ask("Confirm sale " + sale.tillReference() + " of " + Money.format(sale.amount()) + ", taken back from "
                        + "Omise, as a real sale. If the customer is owed the money, refund it (F6) instead.",
                new ApprovalRequest(ApprovalRequest.Action.CONFIRM_RECOVERED, sale.tillReference(), sale.amount()), supervisor -> {
                    message.info("Confirming…");
                    runtime.engine().confirmRecovered(sale.tillReference(), supervisor)
                            .whenComplete((state, failure) -> Platform.runLater(() -> {
                                if (failure != null) {
                                    message.problem(CashierMessages.of(cause(failure), zone));
                                } else {
                                    message.done("Sale " + sale.tillReference() + " confirmed as a real sale by "
                                            + supervisor.approverName() + ".");
                                }
                                refreshTransactions();
                            }));
                });
    }

    // --- the panel ---

    private void tick() {
        if (current != null && !current.sale().status().isFinal()) {
            Duration waited = Duration.between(current.sale().createdAt(), clock.instant());
            elapsed.set(String.format("%d:%02d", waited.toMinutes(), waited.toSecondsPart()));
        }
    }

    private void showPanel() {
        if (current == null) {
            if (currentReference == null && keyRefused) {
                show(Panel.KEY_REFUSED, "OMISE REFUSED THE SECRET KEY", CashierMessages.KEY_REFUSED);
            } else if (currentReference == null) {
                panel.set(Panel.READY);
                panelTitle.set(amountReady.get() ? Money.format(amount.get()) : "Ready");
                panelDetail.set(amountMessage.get());
            }
            expireAvailable.set(false);
            newSaleAvailable.set(false);
            phoneActive.set(false);
            elapsed.set("");
            return;
        }
        Sale sale = current.sale();
        String shown = Money.format(sale.amount());
        if (sale.needsAttention() && !sale.status().isFinal()) {
            show(Panel.NEEDS_ATTENTION, "NEEDS ATTENTION " + shown, CashierMessages.needsAttention(sale));
        } else {
            showStatus(sale, shown);
        }
        boolean finished = settled(sale);
        expireAvailable.set(sale.status() == SaleStatus.PENDING && current.expiryOffered() && !sale.needsAttention());
        newSaleAvailable.set(finished);
        phoneActive.set(training && sale.status() == SaleStatus.PENDING);
        if (finished) {
            elapsed.set("");
        } else {
            tick();
        }
    }

    private void showStatus(Sale sale, String shown) {
        switch (sale.status()) {
            case CREATED, CREATING -> show(Panel.SENDING, "Sending " + shown + "…", "Payment code " + sale.paymentCodeMasked());
            case PENDING -> show(Panel.WAITING, "WAITING " + shown,
                    current.expiryOffered()
                            ? "Still not confirmed. A supervisor can expire the charge (F4); or stop waiting (F3) "
                            + "and the till keeps checking it."
                            : "Waiting for the customer to confirm the payment in WeChat.");
            case UNKNOWN -> show(Panel.CHECKING, "CHECKING… " + shown,
                    "The answer from Omise was lost. Checking whether the charge was made; do not scan again yet.");
            case SUCCESSFUL -> show(Panel.PAID, "PAID " + shown, "Charge " + sale.chargeId() + " at "
                    + TIME.withZone(zone).format(sale.paidAt() == null ? sale.finishedAt() : sale.paidAt())
                    + (sale.refundOwed() ? ". REFUND OWED: this sale had been " + (sale.expireRequested() ? "expired" : "abandoned")
                    + "; refund the customer." : ""));
            case FAILED -> show(Panel.FAILED, "NOT PAID " + shown, CashierMessages.failure(sale));
            case EXPIRED -> show(Panel.EXPIRED, "EXPIRED — NOT PAID " + shown,
                    "The charge was cancelled; the customer was not charged. Ask for another payment method, or for a "
                            + "fresh code and scan again.");
            case REVERSED -> show(Panel.FAILED, "REVERSED " + shown, "The payment was reversed; the customer was not charged.");
            case NOT_CREATED -> show(Panel.NOT_CHARGED, "NOT CHARGED " + shown, CashierMessages.notCharged(sale));
        }
    }

    private void show(Panel kind, String title, String detail) {
        panel.set(kind);
        panelTitle.set(title);
        panelDetail.set(detail);
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    // --- properties ---

    public StringProperty amountTextProperty() {
        return amountText;
    }

    public ReadOnlyStringProperty amountShownProperty() {
        return amountShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountMessageProperty() {
        return amountMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty amountEditableProperty() {
        return amountEditable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Panel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty panelTitleProperty() {
        return panelTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty panelDetailProperty() {
        return panelDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expireAvailableProperty() {
        return expireAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty newSaleAvailableProperty() {
        return newSaleAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty refundWarningProperty() {
        return refundWarning.getReadOnlyProperty();
    }

    public ObservableList<Sale> transactions() {
        return transactions;
    }

    public ObjectProperty<Sale> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public StringProperty refundAmountTextProperty() {
        return refundAmountText;
    }

    public ReadOnlyBooleanProperty refundAvailableProperty() {
        return refundAvailable.getReadOnlyProperty();
    }

    /** Whether the selected sale was taken back from Omise and waits for a supervisor to confirm it. */
    public ReadOnlyBooleanProperty confirmRecoveredAvailableProperty() {
        return confirmRecoveredAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty phoneActiveProperty() {
        return phoneActive.getReadOnlyProperty();
    }

    /** Runs {@code action} when the panel changes, for views that restyle themselves. */
    void onPanelChange(Consumer<Panel> action) {
        panel.addListener((observable, before, now) -> action.accept(now));
        action.accept(panel.get());
    }
}
