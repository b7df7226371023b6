package com.scantill.reports;

import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.MethodSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Sales over any business days, for one till or all, in the sums a manager and an accountant read: the totals, each
 * day with its Omise fee and the VAT on it (a month's report is the monthly VAT return's figures), each hour of the
 * day, each operator and payment method. Money in satang.
 *
 * @param tillId      the till, or {@code null} for every till in the ledger
 * @param days        every day of the period, those without sales too, in order
 * @param byHourOfDay the 24 hours of the shop's day, each summed over the period's days
 */
public record PeriodReport(
        ReportPeriod period,
        ZoneId zone,
        String tillId,
        Instant printedAt,
        String printedBy,
        DailyReport.Totals totals,
        List<DaySum> days,
        List<HourSum> byHourOfDay,
        List<OperatorSum> byOperator,
        List<MethodSum> byMethod) {

    /** One day's sales, the successful ones' amount and fees, and the refunds made that day. */
    public record DaySum(LocalDate day, long sales, long paid, long gross, long fee, long feeVat, long net, long refunds,
                         long refundedAmount) {

        public long netAfterRefunds() {
            return net - refundedAmount;
        }
    }
}
