package com.scantill.ledger;

import com.scantill.model.EventKind;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sales, their append-only event logs and their refunds. Every change to a sale or a refund is written in the
 * same transaction as the event that says so.
 */
public final class SaleRecords {

    private static final String REFUND_COLUMNS = "refund_reference, till_reference, amount, status, refund_id, "
            + "operator_id, approved_by, failure_code, requested_at, finished_at";
    /** A refund's row, its values bound by {@link #bindRefund}. */
    static final String INSERT_REFUND = "INSERT INTO sale_refund (" + REFUND_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EVENT_COLUMNS = "id, till_reference, occurred_at, kind, operator_id, status_after, amount, detail";

    private final Ledger ledger;
    private final PaymentCodeFingerprints fingerprints;

    SaleRecords(Ledger ledger, PaymentCodeFingerprints fingerprints) {
        this.ledger = ledger;
        this.fingerprints = fingerprints;
    }

    /** Writes a new sale and its first event, committed together. */
    public void insert(Sale sale, SaleEvent event) {
        insert(sale, event, null);
    }

    /**
     * Writes a new sale, its first event and the fingerprint of its payment code, committed together. The code
     * itself is never written.
     */
    public void insert(Sale sale, SaleEvent event, String paymentCodeDigits) {
        insert(sale, List.of(event), paymentCodeDigits);
    }

    /**
     * Writes a new sale, the events that brought it to its state and the fingerprint of its payment code, committed
     * together (one write of the file where two commits would make two). The code itself is never written.
     */
    public void insert(Sale sale, List<SaleEvent> events, String paymentCodeDigits) {
        ledger.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(SaleColumns.INSERT)) {
                SaleColumns.bindInsert(insert, sale);
                insert.executeUpdate();
            }
            if (paymentCodeDigits != null) {
                try (PreparedStatement use = connection.prepareStatement(
                        "INSERT INTO payment_code_use (till_reference, fingerprint) VALUES (?, ?)")) {
                    use.setString(1, sale.tillReference());
                    use.setString(2, fingerprints.of(paymentCodeDigits));
                    use.executeUpdate();
                }
            }
            for (SaleEvent event : events) {
                append(connection, event);
            }
        });
    }

    /** Every sale made with this payment code, newest first. */
    public List<Sale> salesWithPaymentCode(String paymentCodeDigits) {
        return ledger.query("SELECT " + qualified("s", SaleColumns.NAMES) + " FROM sale s JOIN payment_code_use u "
                + "ON u.till_reference = s.till_reference WHERE u.fingerprint = ? ORDER BY s.created_at DESC",
                SaleColumns::read, fingerprints.of(paymentCodeDigits));
    }

    private static String qualified(String alias, String columns) {
        return alias + "." + String.join(", " + alias + ".", columns.split(",\\s*"));
    }

    /**
     * Writes the sale's new state with the event that explains it, committed together, and returns the sale as now
     * written.
     *
     * @throws StaleSaleException when the sale changed since {@code sale} was read; nothing is written
     */
    public Sale update(Sale sale, SaleEvent event) {
        ledger.inTransaction(connection -> {
            updateSale(connection, sale);
            append(connection, event);
        });
        return sale.written();
    }

    /** Writes a refund before it is requested, with the event that records who asked. */
    public void insertRefund(RefundRecord refund, SaleEvent event) {
        ledger.inTransaction(connection -> {
            insertRefundRow(connection, refund);
            append(connection, event);
        });
    }

    /**
     * Settles a refund, the sale it changes and the event, committed together; returns the sale as now written.
     *
     * @throws StaleSaleException when the sale changed since {@code sale} was read; nothing is written
     */
    public Sale settleRefund(RefundRecord refund, Sale sale, SaleEvent event) {
        ledger.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sale_refund SET status = ?, refund_id = ?, "
                    + "failure_code = ?, finished_at = ? WHERE refund_reference = ?")) {
                update.setString(1, refund.status().name());
                update.setString(2, refund.refundId());
                update.setString(3, refund.failureCode());
                Ledger.setTime(update, 4, refund.finishedAt());
                update.setString(5, refund.refundReference());
                requireOneRow(update.executeUpdate(), refund.refundReference());
            }
            updateSale(connection, sale);
            append(connection, event);
        });
        return sale.written();
    }

    /**
     * Writes a refund already made (outside the till, in Omise's dashboard say) with the sale it changes and the
     * event, committed together; returns the sale as now written.
     */
    public Sale insertSettledRefund(RefundRecord refund, Sale sale, SaleEvent event) {
        ledger.inTransaction(connection -> {
            insertRefundRow(connection, refund);
            updateSale(connection, sale);
            append(connection, event);
        });
        return sale.written();
    }

    /** Appends an event that changes nothing else (an offer to expire, say). */
    public void note(SaleEvent event) {
        ledger.inTransaction(connection -> append(connection, event));
    }

    public Optional<Sale> sale(String tillReference) {
        List<Sale> sales = querySales("WHERE till_reference = ?", tillReference);
        return sales.isEmpty() ? Optional.empty() : Optional.of(sales.get(0));
    }

    /** Sales not yet in a final state, oldest first: what start-up recovery resumes. */
    public List<Sale> unfinishedSales() {
        return querySales("WHERE status IN ('CREATED', 'CREATING', 'PENDING', 'UNKNOWN') ORDER BY created_at");
    }

    /** Unfinished sales whose charge Omise did not know, oldest first. */
    public List<Sale> salesNeedingAttention() {
        return querySales("WHERE needs_attention = TRUE AND status IN ('CREATED', 'CREATING', 'PENDING', 'UNKNOWN') "
                + "ORDER BY created_at");
    }

    /** The newest sales first. */
    public List<Sale> recentSales(int limit) {
        return querySales("ORDER BY created_at DESC, till_reference DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    }

    public List<Sale> salesCreatedBetween(Instant from, Instant to) {
        return querySales("WHERE created_at >= ? AND created_at < ? ORDER BY created_at", from, to);
    }

    /** Sales settled as never charged after their outcome was unknown: a charge could still turn up for them. */
    public List<Sale> settledAsNotCreatedSince(Instant since) {
        return querySales("WHERE status = 'NOT_CREATED' AND created_at >= ? AND EXISTS (SELECT 1 FROM sale_event e "
                + "WHERE e.till_reference = sale.till_reference AND e.kind = 'RECONCILED_NOT_FOUND') ORDER BY created_at", since);
    }

    public List<SaleEvent> events(String tillReference) {
        return ledger.query("SELECT " + EVENT_COLUMNS + " FROM sale_event WHERE till_reference = ? ORDER BY id",
                SaleRecords::readEvent, tillReference);
    }

    public List<RefundRecord> refunds(String tillReference) {
        return ledger.query("SELECT " + REFUND_COLUMNS + " FROM sale_refund WHERE till_reference = ? ORDER BY requested_at, refund_reference",
                SaleRecords::readRefund, tillReference);
    }

    /** The events of {@code tillId}'s sales after the event {@code afterId}, oldest first, at most {@code limit}. */
    List<SaleEvent> eventsAfter(String tillId, long afterId, int limit) {
        String columns = Arrays.stream(EVENT_COLUMNS.split(", ")).map(column -> "e." + column).collect(Collectors.joining(", "));
        return ledger.query("SELECT " + columns + " FROM sale_event e JOIN sale s "
                + "ON s.till_reference = e.till_reference WHERE s.till_id = ? AND e.id > ? ORDER BY e.id FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", SaleRecords::readEvent, tillId, afterId);
    }

    /** How many events of {@code tillId}'s sales there are after the event {@code afterId}. */
    long countEventsAfter(String tillId, long afterId) {
        return ledger.query("SELECT COUNT(*) FROM sale_event e JOIN sale s ON s.till_reference = e.till_reference "
                + "WHERE s.till_id = ? AND e.id > ?", row -> row.getLong(1), tillId, afterId).get(0);
    }

    /** Refunds whose request may have left without an answer. */
    public List<RefundRecord> unsettledRefunds() {
        return ledger.query("SELECT " + REFUND_COLUMNS + " FROM sale_refund WHERE status = 'REQUESTED' ORDER BY requested_at",
                SaleRecords::readRefund);
    }

    List<Sale> querySales(String where, Object... parameters) {
        return ledger.query("SELECT " + SaleColumns.NAMES + " FROM sale " + where, SaleColumns::read, parameters);
    }

    private static void updateSale(Connection connection, Sale sale) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SaleColumns.UPDATE)) {
            SaleColumns.bindUpdate(update, sale);
            if (update.executeUpdate() != 1) {
                throw new StaleSaleException(sale.tillReference(), sale.version());
            }
        }
    }

    private static void append(Connection connection, SaleEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sale_event (till_reference, occurred_at, "
                + "kind, operator_id, status_after, amount, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindEvent(insert, event);
            insert.executeUpdate();
        }
    }

    /** Binds an event to the first seven parameters: sale, time, kind, operator, status after, amount, detail. */
    static void bindEvent(PreparedStatement insert, SaleEvent event) throws SQLException {
        insert.setString(1, event.tillReference());
        Ledger.setTime(insert, 2, event.occurredAt());
        insert.setString(3, event.kind().name());
        insert.setString(4, event.operatorId());
        insert.setString(5, event.statusAfter().name());
        Ledger.setLong(insert, 6, event.amount());
        insert.setString(7, Ledger.truncated(event.detail(), 1000));
    }

    private static void requireOneRow(int rows, String reference) throws SQLException {
        if (rows != 1) {
            throw new SQLException("expected to change one row for " + reference + ", changed " + rows);
        }
    }

    private static void insertRefundRow(Connection connection, RefundRecord refund) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_REFUND)) {
            bindRefund(insert, refund);
            insert.executeUpdate();
        }
    }

    static void bindRefund(PreparedStatement statement, RefundRecord refund) throws SQLException {
        statement.setString(1, refund.refundReference());
        statement.setString(2, refund.tillReference());
        statement.setLong(3, refund.amount());
        statement.setString(4, refund.status().name());
        statement.setString(5, refund.refundId());
        statement.setString(6, refund.operatorId());
        statement.setString(7, refund.approvedBy());
        statement.setString(8, refund.failureCode());
        Ledger.setTime(statement, 9, refund.requestedAt());
        Ledger.setTime(statement, 10, refund.finishedAt());
    }

    private static RefundRecord readRefund(ResultSet row) throws SQLException {
        return new RefundRecord(row.getString(1), row.getString(2), row.getLong(3), RefundStatus.valueOf(row.getString(4)),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), Ledger.getTime(row, 9), Ledger.getTime(row, 10));
    }

    private static SaleEvent readEvent(ResultSet row) throws SQLException {
        return new SaleEvent(row.getLong(1), row.getString(2), Ledger.getTime(row, 3), EventKind.valueOf(row.getString(4)),
                row.getString(5), SaleStatus.valueOf(row.getString(6)), Ledger.getLong(row, 7), row.getString(8));
    }
}
