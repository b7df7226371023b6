package com.scantill.reports;

import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.MethodSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import com.scantill.model.Sale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A business day's report for one till or all. Money in satang.
 *
 * @param tillId            the till, or {@code null} for all tills in the ledger
 * @param failedByCode      failed sales by failure code
 * @param byMethod          sales, paid amounts and fees by payment method
 * @param lateSuccesses     the day's sales that were paid after being expired or abandoned
 * @param refundsOwed       sales (of this day or before) whose customer is still owed a refund
 * @param omiseCheck        the newest check of the day against Omise, or {@code null} when it was not checked
 * @param differences       what that check found differing, settled or not
 */
public record DailyReport(
        LocalDate day,
        ZoneId zone,
        String tillId,
        Instant printedAt,
        String printedBy,
        Totals totals,
        Map<String, Count> failedByCode,
        List<MethodSum> byMethod,
        List<OperatorSum> byOperator,
        List<HourSum> byHour,
        List<Sale> transactions,
        List<Sale> lateSuccesses,
        List<Sale> refundsOwed,
        ReconciliationRun omiseCheck,
        List<ReconciliationDifference> differences) {

    /** A number of sales and their amount. */
    public record Count(long count, long amount) {
    }

    /**
     * @param gross          the amount of the successful sales
     * @param refunds        refunds made this day, whatever day their sale was
     * @param netAfterRefunds {@code net - refunds.amount}
     */
    public record Totals(
            Count successful,
            Count failed,
            Count expired,
            Count notCharged,
            Count stillOpen,
            long gross,
            long fee,
            long feeVat,
            long net,
            Count refunds,
            long netAfterRefunds) {
    }
}
