package com.scantill.ledger;

import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import java.time.Instant;
import java.util.List;

/**
 * The sums and counts a daily report is made of, computed in SQL over the ledger (portable to PostgreSQL).
 * {@code tillId} {@code null} means every till in the ledger.
 */
public final class ReportRecords {

    /** Sales of one status (and failure code) in a period. */
    public record StatusSum(SaleStatus status, String failureCode, long count, long amount, long fee, long feeVat, long net) {
    }

    /** One operator's sales in a period; {@code paidAmount} counts successful sales only. */
    public record OperatorSum(String operatorId, long sales, long paid, long paidAmount) {
    }

    /** One payment method's sales in a period (Omise's source type); the paid amount and fees are of successful sales. */
    public record MethodSum(String sourceType, long sales, long paid, long paidAmount, long fee, long feeVat, long net) {
    }

    /** The sales started in the {@code hour}-th hour after the period began. */
    public record HourSum(int hour, long sales, long paid, long paidAmount) {
    }

    public record RefundSum(long count, long amount) {
    }

    private final Ledger ledger;

    ReportRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    public List<StatusSum> byStatus(Instant from, Instant to, String tillId) {
        return ledger.query("SELECT status, failure_code, COUNT(*), COALESCE(SUM(amount), 0), COALESCE(SUM(fee), 0), "
                        + "COALESCE(SUM(fee_vat), 0), COALESCE(SUM(net), 0) FROM sale WHERE " + period(tillId)
                        // NULL placed explicitly: H2 puts it first by default, PostgreSQL last.
                        + " GROUP BY status, failure_code ORDER BY status, failure_code NULLS FIRST",
                row -> new StatusSum(SaleStatus.valueOf(row.getString(1)), row.getString(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7)),
                parameters(from, to, tillId));
    }

    /** Refunds made in the period, whatever day their sale was. */
    public RefundSum refundsMade(Instant from, Instant to, String tillId) {
        // Driven from the day's few refunds, each sale looked up by its key, rather than from all of a till's sales.
        return ledger.query("SELECT COUNT(*), COALESCE(SUM(r.amount), 0) FROM sale_refund r WHERE r.status = 'DONE' "
                        + "AND r.finished_at >= ? AND r.finished_at < ?" + (tillId == null ? "" : " AND EXISTS (SELECT 1 "
                        + "FROM sale s WHERE s.till_reference = r.till_reference AND s.till_id = ?)"),
                row -> new RefundSum(row.getLong(1), row.getLong(2)), parameters(from, to, tillId)).get(0);
    }

    public List<OperatorSum> byOperator(Instant from, Instant to, String tillId) {
        return ledger.query("SELECT operator_id, COUNT(*), SUM(CASE WHEN status = 'SUCCESSFUL' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'SUCCESSFUL' THEN amount ELSE 0 END) FROM sale WHERE " + period(tillId)
                        + " GROUP BY operator_id ORDER BY operator_id",
                row -> new OperatorSum(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)),
                parameters(from, to, tillId));
    }

    public List<MethodSum> byMethod(Instant from, Instant to, String tillId) {
        String paid = "CASE WHEN status = 'SUCCESSFUL' THEN ";
        return ledger.query("SELECT source_type, COUNT(*), SUM(" + paid + "1 ELSE 0 END), SUM(" + paid + "amount ELSE 0 END), "
                        + "COALESCE(SUM(" + paid + "fee END), 0), COALESCE(SUM(" + paid + "fee_vat END), 0), "
                        + "COALESCE(SUM(" + paid + "net END), 0) FROM sale WHERE " + period(tillId)
                        + " GROUP BY source_type ORDER BY source_type",
                row -> new MethodSum(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6), row.getLong(7)), parameters(from, to, tillId));
    }

    public List<HourSum> byHour(Instant from, Instant to, String tillId) {
        // The period's start goes in as a number, not a parameter: H2 plans a parameter inside GROUP BY badly.
        String hour = "CAST(FLOOR((EXTRACT(EPOCH FROM created_at) - " + from.getEpochSecond() + ") / 3600) AS INTEGER)";
        return ledger.query("SELECT " + hour + " AS hour_of_day, COUNT(*), SUM(CASE WHEN status = 'SUCCESSFUL' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'SUCCESSFUL' THEN amount ELSE 0 END) FROM sale WHERE " + period(tillId)
                        + " GROUP BY hour_of_day ORDER BY hour_of_day",
                row -> new HourSum(row.getInt(1), row.getLong(2), row.getLong(3), row.getLong(4)), parameters(from, to, tillId));
    }

    public List<Sale> sales(Instant from, Instant to, String tillId) {
        return ledger.sales().querySales("WHERE " + period(tillId) + " ORDER BY created_at, till_reference", parameters(from, to, tillId));
    }

    /**
     * Sales started before {@code to} that were paid after being expired or abandoned and are not yet refunded in
     * full. They are few, so the till is picked out here rather than letting the database scan a till's every sale.
     */
    public List<Sale> refundsOwed(Instant to, String tillId) {
        return ledger.sales().querySales("WHERE refund_owed = TRUE AND refunded_amount < amount AND created_at < ? ORDER BY created_at", to)
                .stream().filter(sale -> tillId == null || tillId.equals(sale.tillId())).toList();
    }

    public List<String> tillIds() {
        return ledger.query("SELECT DISTINCT till_id FROM sale ORDER BY till_id", row -> row.getString(1));
    }

    private static String period(String tillId) {
        return tillId == null ? "created_at >= ? AND created_at < ?" : "created_at >= ? AND created_at < ? AND till_id = ?";
    }

    private static Object[] parameters(Instant from, Instant to, String tillId) {
        return tillId == null ? new Object[] {from, to} : new Object[] {from, to, tillId};
    }
}
