package com.scantill.reports;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReconciliationRecords;
import com.scantill.ledger.ReportRecords;
import com.scantill.ledger.ReportRecords.StatusSum;
import com.scantill.model.DaemonThreads;
import com.scantill.model.ReconciliationRun;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Builds the daily report from the ledger's own sums; the business day runs midnight to midnight in its zone. The
 * day's sales are read on a thread of their own while the sums are added up: a shop's day in the store is a hundred
 * thousand sales, and reading them is the longest step.
 */
public final class DailyReports {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Executor SALES_READING = Executors.newCachedThreadPool(DaemonThreads.named("report-sales"));

    private final ReportRecords records;
    private final ReconciliationRecords checks;
    private final Clock clock;

    public DailyReports(Ledger ledger, Clock clock) {
        this.records = ledger.reports();
        this.checks = ledger.reconciliations();
        this.clock = clock;
    }

    public List<String> tillIds() {
        return records.tillIds();
    }

    /** The report of {@code day} in {@code zone} for {@code tillId}, or every till when it is {@code null}. */
    public DailyReport build(LocalDate day, ZoneId zone, String tillId, String printedBy) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        CompletableFuture<List<Sale>> daysSales = CompletableFuture.supplyAsync(() -> records.sales(from, to, tillId), SALES_READING);
        ReportRecords.PeriodSums periodSums = records.sums(from, to, tillId);
        List<StatusSum> sums = periodSums.byStatus();
        DailyReport.Totals totals = totals(sums, records.refundsMade(from, to, tillId));
        Map<String, DailyReport.Count> failedByCode = new LinkedHashMap<>();
        sums.stream().filter(sum -> sum.status() == SaleStatus.FAILED).forEach(sum -> failedByCode.merge(
                sum.failureCode() == null ? "unknown" : sum.failureCode(), new DailyReport.Count(sum.count(), sum.amount()),
                (a, b) -> new DailyReport.Count(a.count() + b.count(), a.amount() + b.amount())));
        List<Sale> transactions = salesOf(daysSales);
        Optional<ReconciliationRun> checked = checks.latest(day, tillId);
        return new DailyReport(day, zone, tillId, clock.instant(), printedBy, totals, failedByCode,
                periodSums.byMethod(), periodSums.byOperator(), periodSums.byHour(),
                transactions,
                transactions.stream().filter(Sale::refundOwed).toList(), records.refundsOwed(to, tillId),
                checked.orElse(null), checked.map(run -> checks.differences(run.id())).orElse(List.of()));
    }

    /** A period's totals from its sums by status and the refunds made in it. */
    static DailyReport.Totals totals(List<StatusSum> sums, ReportRecords.RefundSum refunds) {
        List<StatusSum> successful = sums.stream().filter(sum -> sum.status() == SaleStatus.SUCCESSFUL).toList();
        long fee = successful.stream().mapToLong(StatusSum::fee).sum();
        long feeVat = successful.stream().mapToLong(StatusSum::feeVat).sum();
        long net = successful.stream().mapToLong(StatusSum::net).sum();
        DailyReport.Count paid = count(sums, sum -> sum.status() == SaleStatus.SUCCESSFUL);
        return new DailyReport.Totals(
                paid,
                count(sums, sum -> sum.status() == SaleStatus.FAILED || sum.status() == SaleStatus.REVERSED),
                count(sums, sum -> sum.status() == SaleStatus.EXPIRED),
                count(sums, sum -> sum.status() == SaleStatus.NOT_CREATED),
                count(sums, sum -> !sum.status().isFinal()),
                paid.amount(), fee, feeVat, net,
                new DailyReport.Count(refunds.count(), refunds.amount()),
                net - refunds.amount());
    }

    private static List<Sale> salesOf(CompletableFuture<List<Sale>> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static DailyReport.Count count(List<StatusSum> sums, Predicate<StatusSum> which) {
        return new DailyReport.Count(sums.stream().filter(which).mapToLong(StatusSum::count).sum(),
                sums.stream().filter(which).mapToLong(StatusSum::amount).sum());
    }
}
