package com.scantill.ui;

import com.scantill.app.TillRuntime;
import com.scantill.ledger.Ledger;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.Money;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.operators.Operator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The till's sales of the day, newest first; the one selected in full; its refund and its review. */
final class TransactionsModel {

    private final TillRuntime runtime;
    private final SessionModel session;
    private final ApprovedActions approved;
    private final BackgroundExecutor background;
    private final Notice message;
    private final Clock clock;
    private final ZoneId zone;
    private final CashierMessages words;

    private final ObservableList<Sale> transactions = FXCollections.observableArrayList();
    private final ObjectProperty<Sale> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final StringProperty refundAmountText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper refundAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper confirmRecoveredAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper refundWarning = new ReadOnlyStringWrapper("");
    private Supplier<Ledger> ledger;
    private Callable<List<Sale>> reading;
    private Runnable changed = () -> { };

    TransactionsModel(TillRuntime runtime, SessionModel session, ApprovedActions approved, BackgroundExecutor background,
                      Notice message, Clock clock, ZoneId zone, CashierMessages words) {
        this.runtime = runtime;
        this.session = session;
        this.approved = approved;
        this.background = background;
        this.message = message;
        this.clock = clock;
        this.zone = zone;
        this.words = words;
        this.ledger = runtime::ledger;
        this.reading = this::todaysSales;
        selected.addListener((observable, before, now) -> showDetails(now));
    }

    /**
     * From now on the sales are those {@code reading} finds, their history in {@code ledger}: a search's, say; and
     * {@code changed} runs once a refund or a confirmation here has changed a sale, for what else shows it.
     */
    void readFrom(Supplier<Ledger> ledger, Callable<List<Sale>> reading, Runnable changed) {
        this.ledger = ledger;
        this.reading = reading;
        this.changed = changed;
    }

    private List<Sale> todaysSales() {
        Instant from = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        String tillId = runtime.settings().tillId();
        return runtime.ledger().sales().salesCreatedBetween(from, from.plus(Duration.ofDays(1))).stream()
                .filter(sale -> sale.tillId().equals(tillId))
                .sorted(Comparator.comparing(Sale::createdAt).reversed())
                .toList();
    }

    private void saleChanged() {
        refresh();
        changed.run();
    }

    /** Reads the sales again: the day's sales of this till, unless told otherwise. */
    void refresh() {
        refresh(sales -> { });
    }

    /** Reads the sales again, shows them, then hands them to {@code shown}. */
    void refresh(Consumer<List<Sale>> shown) {
        background.run(reading, sales -> {
            show(sales);
            shown.accept(sales);
        }, failure -> message.problem(words.text("transactions.unread", failure.getMessage())));
    }

    /** Says the warning and the details again in the language of the moment. */
    void reword() {
        show(List.copyOf(transactions));
        showDetails(selected.get());
    }

    private void show(List<Sale> sales) {
        String selectedReference = selected.get() == null ? null : selected.get().tillReference();
        transactions.setAll(sales);
        if (selectedReference != null) {
            sales.stream().filter(sale -> sale.tillReference().equals(selectedReference)).findFirst().ifPresent(selected::set);
        }
        List<Sale> owed = sales.stream().filter(sale -> sale.refundOwed() && sale.refundableAmount() > 0).toList();
        refundWarning.set(owed.isEmpty() ? "" : words.refundOwed(owed.get(0))
                + (owed.size() > 1 ? " " + (owed.size() - 1) + " more." : ""));
    }

    private void showDetails(Sale sale) {
        if (sale == null) {
            details.set("");
            refundAvailable.set(false);
            confirmRecoveredAvailable.set(false);
            return;
        }
        // Only the till that made a sale refunds it: its engine holds the charge, and its ledger the sale.
        refundAvailable.set(sale.status() == SaleStatus.SUCCESSFUL && sale.refundableAmount() > 0
                && runtime.settings().tillId().equals(sale.tillId()));
        confirmRecoveredAvailable.set(sale.recoveredFromOmise() && sale.status().isFinal());
        refundAmountText.set(sale.refundableAmount() > 0 ? Money.format(sale.refundableAmount()).substring(1) : "");
        String reference = sale.tillReference();
        Ledger source = ledger.get();
        background.run(() -> new History(source.sales().refunds(reference), source.sales().events(reference)),
                history -> details.set(words.details(sale, history.refunds(), history.events())),
                failure -> details.set(words.details(sale, List.of(), List.of())));
    }

    private record History(List<RefundRecord> refunds, List<SaleEvent> events) {
    }

    /** Asks for a supervisor's PIN, then refunds the amount typed from the selected sale. */
    void refundSelected() {
        Sale sale = selected.get();
        Operator operator = session.operator();
        if (sale == null || !refundAvailable.get() || operator == null) {
            return;
        }
        long refund;
        try {
            refund = Money.parse(refundAmountText.get());
        } catch (IllegalArgumentException notAnAmount) {
            message.problem(words.text("amount.notAnAmount", refundAmountText.get().strip()));
            return;
        }
        if (refund <= 0 || refund > sale.refundableAmount()) {
            message.problem(words.text("refund.outOfRange", sale.tillReference(), Money.format(0),
                    Money.format(sale.refundableAmount())));
            return;
        }
        approved.ask(words.text("refund.ask", Money.format(refund), sale.tillReference()),
                new ApprovalRequest(ApprovalRequest.Action.REFUND, sale.tillReference(), refund), words.text("refund.working"),
                approval -> runtime.engine().refund(sale.tillReference(), refund, operator.id(), approval),
                (record, approval) -> message.done(words.text("refund.done", Money.format(record.amount()),
                        approval.approverName())),
                this::saleChanged);
    }

    /** Prints {@code chosen}'s slip again (a copy once printed), on this till's printer, when it is this till's sale. */
    void printSlip(Sale chosen) {
        if (chosen == null) {
            message.info(words.text("slip.nothingChosen"));
        } else if (!runtime.settings().tillId().equals(chosen.tillId())) {
            message.info(words.text("slip.onItsOwnTill", chosen.tillReference(), chosen.tillId()));
        } else if (!runtime.slips().printer().configured()) {
            message.problem(words.text("slip.noPrinter"));
        } else if (runtime.slips().printOnRequest(chosen, words.current().language())) {
            message.info(words.text("slip.printing", chosen.tillReference()));
        } else {
            message.info(words.text("slip.notYet"));
        }
    }

    /** Asks for a supervisor's PIN, then confirms the selected sale, taken back from Omise, as a real sale. */
    void confirmSelectedRecovered() {
        Sale sale = selected.get();
        if (sale == null || !confirmRecoveredAvailable.get()) {
            return;
        }
        approved.ask(words.text("review.ask", sale.tillReference(), Money.format(sale.amount())),
                new ApprovalRequest(ApprovalRequest.Action.CONFIRM_RECOVERED, sale.tillReference(), sale.amount()),
                words.text("review.working"),
                approval -> runtime.engine().confirmRecovered(sale.tillReference(), approval),
                (state, approval) -> message.done(words.text("review.done", sale.tillReference(), approval.approverName())),
                this::saleChanged);
    }

    ObservableList<Sale> transactions() {
        return transactions;
    }

    ObjectProperty<Sale> selectedProperty() {
        return selected;
    }

    ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    StringProperty refundAmountTextProperty() {
        return refundAmountText;
    }

    ReadOnlyBooleanProperty refundAvailableProperty() {
        return refundAvailable.getReadOnlyProperty();
    }

    /** Whether the selected sale was taken back from Omise and waits for a supervisor to confirm it. */
    ReadOnlyBooleanProperty confirmRecoveredAvailableProperty() {
        return confirmRecoveredAvailable.getReadOnlyProperty();
    }

    ReadOnlyStringProperty refundWarningProperty() {
        return refundWarning.getReadOnlyProperty();
    }
}
