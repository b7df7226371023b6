package com.scantill.reports;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReportRecords;
import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.QuarterSum;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Instant from = period.from(zone);
        Instant to = period.to(zone);
        ReportRecords.QuarterlySums quarterly = records.sumsByQuarter(from, to, tillId);
        ReportRecords.PeriodSums sums = quarterly.sums();
        DailyReport.Totals totals = DailyReports.totals(sums.byStatus(), records.refundsMade(from, to, tillId));
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
            days.put(day, new long[8]);
        }
        long[][] hours = new long[24][3];
        for (QuarterSum quarter : quarterly.byQuarter()) {
            ZonedDateTime local = quarter.start().atZone(zone);
            long[] day = days.get(local.toLocalDate());
            long[] values = {quarter.sales(), quarter.paid(), quarter.paidAmount(), quarter.fee(), quarter.feeVat(),
                quarter.net(), quarter.refunds(), quarter.refundedAmount()};
            for (int i = 0; i < values.length; i++) {
                day[i] += values[i];
            }
            long[] hour = hours[local.getHour()];
            hour[0] += quarter.sales();
            hour[1] += quarter.paid();
            hour[2] += quarter.paidAmount();
        }
        List<PeriodReport.DaySum> daySums = new ArrayList<>();
        days.forEach((day, sum) -> daySums.add(new PeriodReport.DaySum(day, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5],
                sum[6], sum[7])));
        List<HourSum> byHourOfDay = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            byHourOfDay.add(new HourSum(hour, hours[hour][0], hours[hour][1], hours[hour][2]));
        }
        return new PeriodReport(period, zone, tillId, clock.instant(), printedBy, totals, List.copyOf(daySums),
                List.copyOf(byHourOfDay), sums.byOperator(), sums.byMethod());
    }
}
