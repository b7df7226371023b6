package com.scantill.ui;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReportRecords.FilteredSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import com.scantill.ledger.SaleFilter;
import com.scantill.ledger.SaleOrder;
import com.scantill.model.Money;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.reports.CsvReportWriter;
import com.scantill.reports.DailyReport;
import com.scantill.reports.PeriodPdfWriter;
import com.scantill.reports.PeriodReport;
import com.scantill.reports.PeriodReports;
import com.scantill.reports.ReportCharts;
import com.scantill.reports.ReportPeriod;
import com.scantill.reports.SaleSearch;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's view of the sales: any period (today, this month, from–to…) of one till or all, from this till's
 * ledger or the shop's store; the sales in a table filtered by status and operator with the sums of the filter; the
 * period's charts; every day with its Omise fee and VAT; and a search for one sale across days, to see its history
 * and refund it. Saved as PDF and CSV into the data folder's {@code reports}.
 */
public final class SalesModel {

    /** The table shows at most this many sales; the sums under it are of all the filter picks. */
    static final int TABLE_LIMIT = 2_000;
    static final int FOUND_LIMIT = 200;

    /** Where the sales are read: a ledger (the till's, or the shop's store) and the reports made over it. */
    public record Source(Ledger ledger, PeriodReports reports) {
    }

    private final Source tillSource;
    private final Supplier<Optional<Source>> shopSource;
    private final SessionModel session;
    private final BackgroundExecutor background;
    private final ReportFiles files;
    private final ZoneId zone;
    private final Clock clock;
    private final CashierMessages words;
    private final TransactionsModel found;

    private final ObjectProperty<ReportPeriod.Preset> preset = new SimpleObjectProperty<>(ReportPeriod.Preset.TODAY);
    private final ObjectProperty<LocalDate> first = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> last = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportModel.Scope> scope = new SimpleObjectProperty<>(ReportModel.Scope.TILL);
    private final ObservableList<ReportModel.Scope> scopes = FXCollections.observableArrayList(ReportModel.Scope.TILL);
    private final ObjectProperty<String> till = new SimpleObjectProperty<>(ReportModel.ALL_TILLS);
    private final ObservableList<String> tills = FXCollections.observableArrayList(ReportModel.ALL_TILLS);
    /** {@code null} is every status. */
    private final ObjectProperty<SaleStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<SaleStatus> statuses = FXCollections.observableArrayList();
    /** {@link ReportModel#ALL_TILLS} stands for every operator too. */
    private final ObjectProperty<String> operator = new SimpleObjectProperty<>(ReportModel.ALL_TILLS);
    private final ObservableList<String> operators = FXCollections.observableArrayList(ReportModel.ALL_TILLS);
    private final ObjectProperty<SaleOrder> order = new SimpleObjectProperty<>(SaleOrder.OLDEST);
    private final ObservableList<Sale> sales = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FilteredSum> filteredSum = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper filteredSumText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PeriodReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReportCharts> charts = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PeriodReport.DaySum> days = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper periodTotals = new ReadOnlyStringWrapper("");
    private final StringProperty searchText = new SimpleStringProperty("");
    private final Notice message;
    private boolean choosing;
    /** The search the found list shows, and the ledger it was made in: set on the FX thread, read by the reading. */
    private volatile Searching searching;

    private record Searching(SaleSearch search, Ledger ledger) {
    }

    public SalesModel(Source tillSource, Supplier<Optional<Source>> shopSource, TransactionsModel found, Notice message,
                      SessionModel session, BackgroundExecutor background, Path dataFolder, ZoneId zone, Clock clock,
                      CashierMessages words) {
        this.tillSource = tillSource;
        this.shopSource = shopSource;
        this.found = found;
        this.message = message;
        this.session = session;
        this.background = background;
        this.zone = zone;
        this.clock = clock;
        this.words = words;
        this.files = new ReportFiles(dataFolder, background, message, words);
        if (shopSource != null) {
            scopes.add(ReportModel.Scope.SHOP);
        }
        statuses.add(null);
        statuses.addAll(SaleStatus.values());
        // A refund made from the search shows in the period's totals and days at once.
        found.readFrom(() -> searching == null ? tillSource.ledger() : searching.ledger(), this::search, () -> load(false));
        choose(preset.get());
        preset.addListener((observable, before, now) -> {
            if (!choosing && now != null) {
                choose(now);
                load();
            }
        });
        first.addListener((observable, before, now) -> chosenByHand());
        last.addListener((observable, before, now) -> chosenByHand());
        till.addListener((observable, before, now) -> load());
        scope.addListener((observable, before, now) -> activate());
        status.addListener((observable, before, now) -> loadTable());
        operator.addListener((observable, before, now) -> loadTable());
        order.addListener((observable, before, now) -> loadTable());
    }

    private void choose(ReportPeriod.Preset chosen) {
        LocalDate today = today();
        ReportPeriod current = first.get() == null ? ReportPeriod.day(today) : period();
        ReportPeriod days = chosen.days(today, current);
        choosing = true;
        first.set(days.first());
        last.set(days.last());
        choosing = false;
    }

    /** A day typed or picked: the period is the manager's own from–to, and is read again. */
    private void chosenByHand() {
        if (choosing || first.get() == null || last.get() == null) {
            return;
        }
        if (last.get().isBefore(first.get())) {
            message.problem(words.text("sales.lastBeforeFirst", words.date(first.get()), words.date(last.get())));
            return;
        }
        choosing = true;
        preset.set(ReportPeriod.Preset.CHOSEN);
        choosing = false;
        load();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The order the table lists in; a choice box may hold none for a moment. */
    private SaleOrder listedOrder() {
        return order.get() == null ? SaleOrder.OLDEST : order.get();
    }

    private ReportPeriod period() {
        return new ReportPeriod(first.get(), last.get());
    }

    public void activate() {
        if (preset.get() != ReportPeriod.Preset.CHOSEN) {
            // Today, this week… as of now: a till left open overnight shows the new day.
            choose(preset.get());
        }
        Optional<Source> source = source();
        if (source.isEmpty()) {
            clear();
            message.problem(words.text("report.storeAway"));
            return;
        }
        background.run(() -> source.get().ledger().reports().tillIds(), ids -> {
            List<String> choices = new ArrayList<>(List.of(ReportModel.ALL_TILLS));
            choices.addAll(ids);
            String chosen = till.get();
            tills.setAll(choices);
            till.set(chosen != null && choices.contains(chosen) ? chosen : ReportModel.ALL_TILLS);
        }, failure -> message.problem(failure.getMessage()));
        load();
    }

    private Optional<Source> source() {
        return scope.get() == ReportModel.Scope.SHOP ? shopSource.get() : Optional.of(tillSource);
    }

    private String chosenTill() {
        return ReportModel.ALL_TILLS.equals(till.get()) ? null : till.get();
    }

    private void clear() {
        report.set(null);
        charts.set(null);
        days.clear();
        sales.clear();
        filteredSum.set(null);
        filteredSumText.set("");
        periodTotals.set("");
    }

    /** Reads the period's report (totals, days, charts), then the table, saying so. */
    private void load() {
        load(true);
    }

    /** Reads the period's report, then the table; {@code saying} whether over the message of the moment. */
    private void load(boolean saying) {
        Optional<Source> source = source();
        if (source.isEmpty() || first.get() == null || last.get() == null || last.get().isBefore(first.get())) {
            return;
        }
        ReportPeriod period = period();
        String chosenTill = chosenTill();
        String printedBy = session.operator() == null ? "" : session.operator().displayName();
        if (saying) {
            message.info(words.text("report.reading"));
        }
        background.run(() -> source.get().reports().build(period, zone, chosenTill, printedBy), shown -> {
            show(shown);
            if (saying) {
                message.clear();
            }
            loadTable();
        }, failure -> message.problem(words.text("report.failed", failure.getMessage())));
    }

    private void show(PeriodReport shown) {
        report.set(shown);
        charts.set(ReportCharts.of(shown, words.current()));
        days.setAll(shown.days());
        List<String> choices = new ArrayList<>(List.of(ReportModel.ALL_TILLS));
        shown.byOperator().stream().map(OperatorSum::operatorId).forEach(choices::add);
        String chosen = operator.get();
        if (!choices.equals(operators)) {
            operators.setAll(choices);
        }
        if (chosen == null || !choices.contains(chosen)) {
            operator.set(ReportModel.ALL_TILLS);
        }
        DailyReport.Totals totals = shown.totals();
        periodTotals.set(words.text("sales.periodTotals", words.current().number(totals.successful().count()),
                Money.format(totals.gross()), Money.format(totals.fee()), Money.format(totals.feeVat()), Money.format(totals.net()),
                Money.format(totals.refunds().amount()), Money.format(totals.netAfterRefunds())));
    }

    /** The filter as it stands: the period and till above, the status and operator chosen over the table. */
    SaleFilter filter() {
        ReportPeriod period = period();
        return new SaleFilter(period.from(zone), period.to(zone), chosenTill(), status.get(),
                ReportModel.ALL_TILLS.equals(operator.get()) ? null : operator.get());
    }

    private void loadTable() {
        Optional<Source> source = source();
        if (source.isEmpty() || report.get() == null) {
            return;
        }
        SaleFilter filter = filter();
        SaleOrder listed = listedOrder();
        Ledger ledger = source.get().ledger();
        background.run(() -> new Table(ledger.reports().sales(filter, listed, TABLE_LIMIT), ledger.reports().sum(filter)), table -> {
            sales.setAll(table.sales());
            filteredSum.set(table.sum());
            sumInWords();
        }, failure -> message.problem(words.text("report.failed", failure.getMessage())));
    }

    private record Table(List<Sale> sales, FilteredSum sum) {
    }

    private void sumInWords() {
        FilteredSum sum = filteredSum.get();
        if (sum == null) {
            filteredSumText.set("");
            return;
        }
        String text = words.text("sales.filteredSum", words.current().number(sum.sales()), Money.format(sum.amount()),
                words.current().number(sum.paid()), Money.format(sum.paidAmount()), Money.format(sum.fee()),
                Money.format(sum.feeVat()), Money.format(sum.net()));
        if (sum.sales() > sales.size()) {
            text += " " + words.text("sales.tableCut", words.current().number(sales.size()), words.current().number(sum.sales()));
        }
        filteredSumText.set(text);
    }

    /** Looks for the sale the manager typed: the code's last four digits, a charge id, an amount or a time. */
    public void find() {
        String typed = searchText.get() == null ? "" : searchText.get().strip();
        Optional<SaleSearch> search = SaleSearch.parse(typed, today(), zone);
        if (search.isEmpty()) {
            message.problem(words.text("sales.searchNotUnderstood", typed));
            return;
        }
        Optional<Source> source = source();
        if (source.isEmpty()) {
            message.problem(words.text("report.storeAway"));
            return;
        }
        searching = new Searching(search.get(), source.get().ledger());
        message.info(words.text("sales.searching", typed));
        found.refresh(hits -> message.info(hits.isEmpty() ? words.text("sales.foundNone", typed)
                : words.text("sales.found", words.current().number(hits.size()), typed)));
    }

    /** The sales the search finds, read again after a refund of one of them too. */
    private List<Sale> search() {
        Searching current = searching;
        return current == null ? List.of() : current.search().run(current.ledger().reports(), FOUND_LIMIT);
    }

    /** Says the sums and totals again in the language of the moment. */
    void reword() {
        if (report.get() != null) {
            show(report.get());
        }
        sumInWords();
        found.reword();
    }

    /** Saves the period as a PDF: totals, each day with its fee and VAT, and its charts. */
    public void savePdf() {
        PeriodReport current = report.get();
        if (current != null) {
            files.save(List.of(new ReportFiles.Output(file(current, ".pdf"), out -> PeriodPdfWriter.write(current, words.current(), out))));
        }
    }

    /** Saves the period day by day, and the sales the table's filter picks, as CSV. */
    public void saveCsv() {
        PeriodReport current = report.get();
        Optional<Source> source = source();
        if (current == null || source.isEmpty()) {
            return;
        }
        SaleFilter filter = filter();
        SaleOrder listed = listedOrder();
        Ledger ledger = source.get().ledger();
        files.save(List.of(new ReportFiles.Output(file(current, "-days.csv"), out -> CsvReportWriter.writeDays(current, out)),
                new ReportFiles.Output(file(current, "-sales.csv"), out -> CsvReportWriter.writeTransactions(
                        ledger.reports().sales(filter, listed, Integer.MAX_VALUE), zone, out))));
    }

    private Path file(PeriodReport current, String ending) {
        String tills = current.tillId() == null ? "all" : current.tillId();
        return files.file("sales-" + current.period().first() + "-to-" + current.period().last() + "-"
                + (scope.get() == ReportModel.Scope.SHOP ? "shop-" + tills : tills) + ending);
    }

    String columnTitle(String key) {
        return words.text(key);
    }

    String orderName(SaleOrder choice) {
        return words.text("sales.order." + choice.name());
    }

    String presetName(ReportPeriod.Preset choice) {
        return words.text("sales.preset." + choice.name());
    }

    String statusName(SaleStatus choice) {
        return choice == null ? words.text("sales.allStatuses") : words.status(choice);
    }

    String operatorName(String choice) {
        return ReportModel.ALL_TILLS.equals(choice) ? words.text("sales.allOperators") : choice;
    }

    String tillName(String choice) {
        return ReportModel.ALL_TILLS.equals(choice) ? words.text("report.allTills") : choice;
    }

    String scopeName(ReportModel.Scope choice) {
        return words.text("report.scope." + choice.name());
    }

    String dayText(LocalDate day) {
        return words.date(day);
    }

    Optional<LocalDate> readDay(String typed) {
        return words.current().parseDate(typed);
    }

    String time(Sale sale) {
        return words.date(sale.createdAt().atZone(zone).toLocalDate()) + " " + words.current().timeWithSeconds(sale.createdAt());
    }

    String status(Sale sale) {
        return words.status(sale.status());
    }

    String method(Sale sale) {
        return words.methodAndWallet(sale);
    }

    String number(long count) {
        return words.current().number(count);
    }

    public ObjectProperty<ReportPeriod.Preset> presetProperty() {
        return preset;
    }

    public ObjectProperty<LocalDate> firstProperty() {
        return first;
    }

    public ObjectProperty<LocalDate> lastProperty() {
        return last;
    }

    public ObjectProperty<ReportModel.Scope> scopeProperty() {
        return scope;
    }

    public ObservableList<ReportModel.Scope> scopes() {
        return scopes;
    }

    public ObjectProperty<String> tillProperty() {
        return till;
    }

    public ObservableList<String> tills() {
        return tills;
    }

    public ObjectProperty<SaleStatus> statusProperty() {
        return status;
    }

    public ObservableList<SaleStatus> statuses() {
        return statuses;
    }

    public ObjectProperty<String> operatorProperty() {
        return operator;
    }

    public ObservableList<String> operators() {
        return operators;
    }

    /** How the table lists the sales: sorted in SQL over all the filter picks, not only the rows listed. */
    public ObjectProperty<SaleOrder> orderProperty() {
        return order;
    }

    public ObservableList<Sale> sales() {
        return sales;
    }

    public ReadOnlyObjectProperty<FilteredSum> filteredSumProperty() {
        return filteredSum.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty filteredSumTextProperty() {
        return filteredSumText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PeriodReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReportCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ObservableList<PeriodReport.DaySum> days() {
        return days;
    }

    public ReadOnlyStringProperty periodTotalsProperty() {
        return periodTotals.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    TransactionsModel found() {
        return found;
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
