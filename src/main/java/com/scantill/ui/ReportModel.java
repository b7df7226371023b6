package com.scantill.ui;

import com.scantill.ledger.Sale;
import com.scantill.model.Money;
import com.scantill.model.OwnerOnly;
import com.scantill.reports.CsvReportWriter;
import com.scantill.reports.DailyReport;
import com.scantill.reports.DailyReports;
import com.scantill.reports.PdfReportWriter;
import com.scantill.reports.ReportLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's daily report: a business day and a till (or all), the totals, the transactions; printed, or saved
 * as PDF and CSV into the data folder's {@code reports}.
 */
public final class ReportModel {

    public static final String ALL_TILLS = "All tills";

    private final DailyReports reports;
    private final SessionModel session;
    private final BackgroundExecutor background;
    private final Path folder;
    private final ZoneId zone;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObjectProperty<String> till = new SimpleObjectProperty<>(ALL_TILLS);
    private final ObservableList<String> tills = FXCollections.observableArrayList(ALL_TILLS);
    private final ReadOnlyObjectWrapper<DailyReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> totals = FXCollections.observableArrayList();
    private final ObservableList<Sale> transactions = FXCollections.observableArrayList();
    private final Notice message = new Notice();

    public ReportModel(DailyReports reports, SessionModel session, BackgroundExecutor background, Path dataFolder,
                       ZoneId zone, Clock clock) {
        this.reports = reports;
        this.session = session;
        this.background = background;
        this.folder = dataFolder.resolve("reports");
        this.zone = zone;
        day.set(LocalDate.now(clock.withZone(zone)));
        day.addListener((observable, before, now) -> load());
        till.addListener((observable, before, now) -> load());
    }

    public void activate() {
        background.run(reports::tillIds, ids -> {
            List<String> choices = new ArrayList<>(List.of(ALL_TILLS));
            choices.addAll(ids);
            String chosen = till.get();
            tills.setAll(choices);
            till.set(chosen != null && choices.contains(chosen) ? chosen : ALL_TILLS);
        }, failure -> message.problem(failure.getMessage()));
        load();
    }

    private void load() {
        LocalDate chosenDay = day.get();
        String chosenTill = ALL_TILLS.equals(till.get()) ? null : till.get();
        String printedBy = session.operator() == null ? "" : session.operator().displayName();
        message.info("Reading the ledger…");
        background.run(() -> reports.build(chosenDay, zone, chosenTill, printedBy), this::show,
                failure -> message.problem("The report could not be made: " + failure.getMessage()));
    }

    private void show(DailyReport shown) {
        report.set(shown);
        DailyReport.Totals sums = shown.totals();
        totals.setAll(
                "Successful: " + sums.successful().count() + " · " + Money.format(sums.gross()),
                "Failed: " + sums.failed().count() + " · Expired: " + sums.expired().count() + " · Not charged: "
                        + sums.notCharged().count() + " · Still pending: " + sums.stillOpen().count(),
                "Fee " + Money.format(sums.fee()) + " · VAT " + Money.format(sums.feeVat()) + " · Net " + Money.format(sums.net()),
                "Refunds: " + sums.refunds().count() + " · " + Money.format(sums.refunds().amount())
                        + " · Net after refunds " + Money.format(sums.netAfterRefunds()),
                "Refunds still owed: " + shown.refundsOwed().size());
        transactions.setAll(shown.transactions());
        message.clear();
    }

    /** Saves the report as a PDF for {@code layout}. */
    public void savePdf(ReportLayout layout) {
        DailyReport current = report.get();
        if (current != null) {
            save(List.of(new Output(file(current, layout == ReportLayout.A4 ? ".pdf" : "-80mm.pdf"),
                    out -> PdfReportWriter.write(current, layout, out))));
        }
    }

    /** Saves the transactions and the totals as two CSV files. */
    public void saveCsv() {
        DailyReport current = report.get();
        if (current != null) {
            save(List.of(new Output(file(current, "-transactions.csv"), out -> CsvReportWriter.writeTransactions(current, out)),
                    new Output(file(current, "-totals.csv"), out -> CsvReportWriter.writeTotals(current, out))));
        }
    }

    private record Output(Path file, Consumer<OutputStream> writer) {
    }

    private Path file(DailyReport current, String ending) {
        return folder.resolve("daily-" + current.day() + "-" + (current.tillId() == null ? "all" : current.tillId()) + ending);
    }

    private void save(List<Output> outputs) {
        background.run(() -> {
            OwnerOnly.folder(folder);
            for (Output output : outputs) {
                try (OutputStream out = Files.newOutputStream(output.file())) {
                    output.writer().accept(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                OwnerOnly.file(output.file());
            }
            return outputs.stream().map(output -> output.file().toString()).toList();
        }, saved -> message.done("Saved " + String.join(" and ", saved)), failure -> message.problem("Not saved: " + failure.getMessage()));
    }

    void tell(String text) {
        message.info(text);
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObjectProperty<String> tillProperty() {
        return till;
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

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
