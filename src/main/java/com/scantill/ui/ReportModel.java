package com.scantill.ui;

import com.scantill.app.SlipDesk;
import com.scantill.checkout.Reconciler;
import com.scantill.ledger.ReportRecords;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.Money;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.Sale;
import com.scantill.reports.CsvReportWriter;
import com.scantill.reports.DailyReport;
import com.scantill.reports.DailyReports;
import com.scantill.reports.OmiseCheckWords;
import com.scantill.reports.PdfReportWriter;
import com.scantill.reports.ReportLayout;
import com.scantill.words.Words;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's daily report: a business day and a till (or all), the totals, the transactions; printed, or saved
 * as PDF and CSV into the data folder's {@code reports}. With a shop's store it is read from this till's ledger or
 * from the store, where every till's sales are: the same report, for the whole shop.
 */
public final class ReportModel {

    /** The till choice that stands for every till; shown in words by {@link #tillName}. */
    public static final String ALL_TILLS = "*";

    /** Where a report is read: its sums and sales, and the check of them against Omise. */
    public record Source(DailyReports reports, Reconciler reconciler) {
    }

    /** This till's own ledger, or the shop's store. */
    public enum Scope {
        TILL, SHOP
    }

    private final Source tillSource;
    private final Supplier<Optional<Source>> shopSource;
    private final SlipDesk slips;
    private final PinPromptModel pinPrompt;
    private final SessionModel session;
    private final BackgroundExecutor background;
    private final ReportFiles files;
    private final ZoneId zone;
    private final CashierMessages words;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObjectProperty<String> till = new SimpleObjectProperty<>(ALL_TILLS);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.TILL);
    private final ObservableList<Scope> scopes = FXCollections.observableArrayList(Scope.TILL);
    private final ObservableList<String> tills = FXCollections.observableArrayList(ALL_TILLS);
    private final ReadOnlyObjectWrapper<DailyReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> totals = FXCollections.observableArrayList();
    private final ObservableList<Sale> transactions = FXCollections.observableArrayList();
    private final ObservableList<ReconciliationDifference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ReconciliationDifference> selectedDifference = new SimpleObjectProperty<>();
    private final Notice message = new Notice();

    /** @param shopSource the shop's store once the till has reached it; {@code null} when the till has no store */
    public ReportModel(Source tillSource, Supplier<Optional<Source>> shopSource, SlipDesk slips, PinPromptModel pinPrompt,
                       SessionModel session, BackgroundExecutor background, Path dataFolder, ZoneId zone, Clock clock,
                       CashierMessages words) {
        this.tillSource = tillSource;
        this.shopSource = shopSource;
        this.slips = slips;
        if (shopSource != null) {
            scopes.add(Scope.SHOP);
        }
        this.pinPrompt = pinPrompt;
        this.session = session;
        this.background = background;
        this.zone = zone;
        this.words = words;
        this.files = new ReportFiles(dataFolder, background, message, words);
        day.set(LocalDate.now(clock.withZone(zone)));
        day.addListener((observable, before, now) -> load());
        till.addListener((observable, before, now) -> load());
        scope.addListener((observable, before, now) -> activate());
    }

    public void activate() {
        Optional<Source> source = source();
        if (source.isEmpty()) {
            tellStoreAway();
            return;
        }
        background.run(source.get().reports()::tillIds, ids -> {
            List<String> choices = new ArrayList<>(List.of(ALL_TILLS));
            choices.addAll(ids);
            String chosen = till.get();
            tills.setAll(choices);
            till.set(chosen != null && choices.contains(chosen) ? chosen : ALL_TILLS);
        }, failure -> message.problem(failure.getMessage()));
        load();
    }

    private String chosenTill() {
        return ALL_TILLS.equals(till.get()) ? null : till.get();
    }

    /** The ledger the report is read from now; empty when it is the store and the till has not reached it. */
    private Optional<Source> source() {
        return scope.get() == Scope.SHOP ? shopSource.get() : Optional.of(tillSource);
    }

    private void tellStoreAway() {
        report.set(null);
        totals.clear();
        transactions.clear();
        differences.clear();
        checkSummary.set("");
        message.problem(words.text("report.storeAway"));
    }

    /** Checks the chosen day against Omise; the result shows in the report and stays in the ledger. */
    public void checkAgainstOmise() {
        Optional<Source> source = source();
        if (source.isEmpty()) {
            tellStoreAway();
            return;
        }
        Reconciler reconciler = source.get().reconciler();
        LocalDate chosenDay = day.get();
        String chosenTill = chosenTill();
        String checkedBy = session.operator() == null ? "" : session.operator().id();
        message.info(words.text("report.checking", words.date(chosenDay)));
        background.run(() -> reconciler.check(chosenDay, zone, chosenTill, checkedBy),
                run -> load(() -> message.done(checkWords().summary(run) + ".")),
                failure -> message.problem(words.text("report.checkFailed", failure.getMessage())));
    }

    /** Asks a supervisor to accept Omise's state of the selected difference, then takes it into the ledger. */
    public void acceptOmiseState() {
        ReconciliationDifference difference = selectedDifference.get();
        if (difference == null || difference.settled()) {
            message.info(words.text("report.selectDifference"));
            return;
        }
        if (scope.get() == Scope.SHOP) {
            // The till that made the sale owns it: a change written in the store would be overwritten by its next copy.
            message.info(words.text("report.acceptOnTheTill", difference.tillReference()));
            return;
        }
        pinPrompt.ask(words.text("report.acceptAsk", checkWords().describe(difference)),
                new ApprovalRequest(ApprovalRequest.Action.ACCEPT_OMISE_STATE, difference.tillReference(), difference.amount()),
                approval -> {
                    message.info(words.text("report.accepting"));
                    background.run(() -> tillSource.reconciler().acceptOmiseState(difference.id(), approval), sale -> load(() ->
                            message.done(words.text("report.accepted", sale.tillReference(), approval.approverName(),
                                    words.status(sale.status())))),
                            failure -> message.problem(words.of(failure)));
                });
    }

    private void load() {
        load(message::clear);
    }

    /** Reads the report again; {@code thenTell} sets the message once it shows. */
    private void load(Runnable thenTell) {
        Optional<Source> source = source();
        if (source.isEmpty()) {
            tellStoreAway();
            return;
        }
        DailyReports reports = source.get().reports();
        LocalDate chosenDay = day.get();
        String chosenTill = chosenTill();
        String printedBy = session.operator() == null ? "" : session.operator().displayName();
        message.info(words.text("report.reading"));
        background.run(() -> reports.build(chosenDay, zone, chosenTill, printedBy), shown -> {
                    show(shown);
                    thenTell.run();
                },
                failure -> message.problem(words.text("report.failed", failure.getMessage())));
    }

    private OmiseCheckWords checkWords() {
        return new OmiseCheckWords(words.current());
    }

    /** What differs about one sale, and on the next line what to do about it. */
    String differenceText(ReconciliationDifference difference) {
        OmiseCheckWords check = checkWords();
        return check.describe(difference) + "\n" + check.whatToDo(difference);
    }

    /** One sale of the day as a line of the list: time, code, amount, status, method and wallet, charge, operator. */
    String transactionLine(Sale sale) {
        return words.text("report.transaction", words.current().timeWithSeconds(sale.createdAt()), sale.paymentCodeMasked(),
                Money.format(sale.amount()), words.status(sale.status()), sale.chargeId() == null ? "-" : sale.chargeId(),
                sale.operatorId(), words.methodAndWallet(sale));
    }

    /** The chosen day as the language of the moment writes it. */
    String dayText(LocalDate shown) {
        return words.date(shown);
    }

    /** A day the manager typed, or nothing when it is not one. */
    Optional<LocalDate> readDay(String typed) {
        return words.current().parseDate(typed);
    }

    /** The report as it is now, in the words of the moment, for the printer. */
    Words currentWords() {
        return words.current();
    }

    /** A scope as the manager reads it. */
    String scopeName(Scope choice) {
        return words.text("report.scope." + choice.name());
    }

    /** A till choice as the manager reads it. */
    String tillName(String choice) {
        return ALL_TILLS.equals(choice) ? words.text("report.allTills") : choice;
    }

    /** The report's totals said again in the language of the moment. */
    void reword() {
        if (report.get() != null) {
            show(report.get());
        }
    }

    private void show(DailyReport shown) {
        report.set(shown);
        DailyReport.Totals sums = shown.totals();
        List<String> lines = new ArrayList<>(List.of(
                words.text("report.totals.paid", sums.successful().count(), Money.format(sums.gross())),
                words.text("report.totals.unpaid", sums.failed().count(), sums.expired().count(), sums.notCharged().count(),
                        sums.stillOpen().count()),
                words.text("report.totals.fees", Money.format(sums.fee()), Money.format(sums.feeVat()), Money.format(sums.net())),
                words.text("report.totals.refunds", sums.refunds().count(), Money.format(sums.refunds().amount()),
                        Money.format(sums.netAfterRefunds())),
                words.text("report.totals.owed", shown.refundsOwed().size())));
        for (ReportRecords.MethodSum method : shown.byMethod()) {
            lines.add(words.text("report.totals.method", words.current().method(method.sourceType(), null), method.paid(),
                    method.sales(), Money.format(method.paidAmount()), Money.format(method.fee()), Money.format(method.feeVat())));
        }
        totals.setAll(lines);
        transactions.setAll(shown.transactions());
        differences.setAll(shown.differences());
        checkSummary.set(checkWords().summary(shown.omiseCheck()));
    }

    /** Saves the report as a PDF for {@code layout}. */
    public void savePdf(ReportLayout layout) {
        DailyReport current = report.get();
        if (current != null) {
            files.save(List.of(new ReportFiles.Output(file(current, layout == ReportLayout.A4 ? ".pdf" : "-80mm.pdf"),
                    out -> PdfReportWriter.write(current, layout, words.current(), out))));
        }
    }

    /** Saves the transactions, the totals and the check against Omise as CSV files. */
    public void saveCsv() {
        DailyReport current = report.get();
        if (current != null) {
            List<ReportFiles.Output> outputs = new ArrayList<>(List.of(
                    new ReportFiles.Output(file(current, "-transactions.csv"), out -> CsvReportWriter.writeTransactions(current, out)),
                    new ReportFiles.Output(file(current, "-totals.csv"), out -> CsvReportWriter.writeTotals(current, out))));
            if (current.omiseCheck() != null) {
                outputs.add(new ReportFiles.Output(file(current, "-omise-check.csv"), out -> CsvReportWriter.writeOmiseCheck(current, words.current(), out)));
            }
            files.save(outputs);
        }
    }

    private Path file(DailyReport current, String ending) {
        String tills = current.tillId() == null ? "all" : current.tillId();
        return files.file("daily-" + current.day() + "-" + (scope.get() == Scope.SHOP ? "shop-" + tills : tills) + ending);
    }

    /** Prints the report on the receipt printer's roll (F11), in the language of the moment. */
    public void printOnTheRoll() {
        DailyReport current = report.get();
        if (current == null) {
            return;
        }
        if (slips.printReport(current, words.current())) {
            message.info(words.text("report.onTheRoll"));
        } else {
            message.problem(words.text("slip.noPrinter"));
        }
    }

    void tellPrinted(ReportPrinter.Printed printed) {
        boolean onePage = printed.outcome() == ReportPrinter.Printed.Outcome.PRINTED && printed.pages() == 1;
        message.info(words.text(onePage ? "print.PRINTED_ONE" : "print." + printed.outcome().name(), printed.pages(),
                printed.printerStatus()));
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObjectProperty<String> tillProperty() {
        return till;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** This till alone, or the shop's store as well when the till has one. */
    public ObservableList<Scope> scopes() {
        return scopes;
    }

    public ObservableList<String> tills() {
        return tills;
    }

    public ReadOnlyObjectProperty<DailyReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<String> totals() {
        return totals;
    }

    public ObservableList<Sale> transactions() {
        return transactions;
    }

    public ObservableList<ReconciliationDifference> differences() {
        return differences;
    }

    /** "Checked against Omise at 21:05 — 1,998 agree, 2 differ", or that the day was not checked. */
    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    public ObjectProperty<ReconciliationDifference> selectedDifferenceProperty() {
        return selectedDifference;
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
