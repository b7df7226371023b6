package com.scantill.reports;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReportRecords;
import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.QuarterSum;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the report of any business days from the ledger's sums, made in one pass over the period's sales: by quarter
 * hour, status, method and operator; added up here into the totals and into the zone's days and hours.
 */
public final class PeriodReports {

    private final ReportRecords records;
    private final Clock clock;

    public PeriodReports(Ledger ledger, Clock clock) {
        this.records = ledger.reports();
        this.clock = clock;
    }

    public PeriodReport build(ReportPeriod period, ZoneId zone, String tillId, String printedBy) {
        ReportRecords.QuarterlySums quarterly = records.sumsByQuarter(period.from(zone), period.to(zone), tillId);
        List<QuarterSum> quarters = quarterly.byQuarter();
        // The refunds made in the period are those of its quarters: no second look at them.
        DailyReport.Totals totals = DailyReports.totals(quarterly.sums().byStatus(),
                new ReportRecords.RefundSum(sum(quarters, QuarterSum::refunds), sum(quarters, QuarterSum::refundedAmount)));
        Map<LocalDate, List<QuarterSum>> byDay = quarters.stream()
                .collect(Collectors.groupingBy(quarter -> quarter.start().atZone(zone).toLocalDate()));
        Map<Integer, List<QuarterSum>> byHour = quarters.stream()
                .collect(Collectors.groupingBy(quarter -> quarter.start().atZone(zone).getHour()));
        List<PeriodReport.DaySum> days = period.first().datesUntil(period.last().plusDays(1)).map(day -> {
            List<QuarterSum> its = byDay.getOrDefault(day, List.of());
            return new PeriodReport.DaySum(day, sum(its, QuarterSum::sales), sum(its, QuarterSum::paid), sum(its, QuarterSum::paidAmount),
                    sum(its, QuarterSum::fee), sum(its, QuarterSum::feeVat), sum(its, QuarterSum::net), sum(its, QuarterSum::refunds),
                    sum(its, QuarterSum::refundedAmount));
        }).toList();
        List<HourSum> byHourOfDay = IntStream.range(0, 24).mapToObj(hour -> {
            List<QuarterSum> its = byHour.getOrDefault(hour, List.of());
            return new HourSum(hour, sum(its, QuarterSum::sales), sum(its, QuarterSum::paid), sum(its, QuarterSum::paidAmount));
        }).toList();
        return new PeriodReport(period, zone, tillId, clock.instant(), printedBy, totals, days, byHourOfDay,
                quarterly.sums().byOperator(), quarterly.sums().byMethod());
    }

    private static long sum(List<QuarterSum> quarters, ToLongFunction<QuarterSum> value) {
        return quarters.stream().mapToLong(value).sum();
    }
}
