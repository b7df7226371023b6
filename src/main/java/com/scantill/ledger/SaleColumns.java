package com.scantill.ledger;

import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code sale} table's columns, each named, bound and read in this one place and in one order, so that an
 * insert, an update and a read cannot disagree about which value goes where.
 */
final class SaleColumns {

    private interface Binder {
        void bind(PreparedStatement statement, int index, Sale sale) throws SQLException;
    }

    /** @param changes whether an update of the sale writes it (what a sale is made with never changes) */
    private record Column(String name, boolean changes, Binder binder) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("till_reference", false, (s, i, sale) -> s.setString(i, sale.tillReference())),
            new Column("till_id", false, (s, i, sale) -> s.setString(i, sale.tillId())),
            new Column("operator_id", false, (s, i, sale) -> s.setString(i, sale.operatorId())),
            new Column("amount", false, (s, i, sale) -> s.setLong(i, sale.amount())),
            new Column("currency", false, (s, i, sale) -> s.setString(i, sale.currency())),
            new Column("source_type", false, (s, i, sale) -> s.setString(i, sale.method().sourceType())),
            new Column("payment_code_masked", false, (s, i, sale) -> s.setString(i, sale.paymentCodeMasked())),
            new Column("wallet", true, (s, i, sale) -> s.setString(i, Ledger.truncated(sale.wallet(), 60))),
            new Column("charge_id", true, (s, i, sale) -> s.setString(i, sale.chargeId())),
            new Column("status", true, (s, i, sale) -> s.setString(i, sale.status().name())),
            new Column("failure_code", true, (s, i, sale) -> s.setString(i, sale.failureCode())),
            new Column("failure_message", true, (s, i, sale) -> s.setString(i, Ledger.truncated(sale.failureMessage(), 512))),
            new Column("fee", true, (s, i, sale) -> Ledger.setLong(s, i, sale.fee())),
            new Column("fee_vat", true, (s, i, sale) -> Ledger.setLong(s, i, sale.feeVat())),
            new Column("net", true, (s, i, sale) -> Ledger.setLong(s, i, sale.net())),
            new Column("refunded_amount", true, (s, i, sale) -> s.setLong(i, sale.refundedAmount())),
            new Column("expire_requested", true, (s, i, sale) -> s.setBoolean(i, sale.expireRequested())),
            new Column("abandoned", true, (s, i, sale) -> s.setBoolean(i, sale.abandoned())),
            new Column("refund_owed", true, (s, i, sale) -> s.setBoolean(i, sale.refundOwed())),
            new Column("created_at", false, (s, i, sale) -> Ledger.setTime(s, i, sale.createdAt())),
            new Column("paid_at", true, (s, i, sale) -> Ledger.setTime(s, i, sale.paidAt())),
            new Column("expired_at", true, (s, i, sale) -> Ledger.setTime(s, i, sale.expiredAt())),
            new Column("finished_at", true, (s, i, sale) -> Ledger.setTime(s, i, sale.finishedAt())),
            new Column("needs_attention", true, (s, i, sale) -> s.setBoolean(i, sale.needsAttention())),
            new Column("recovered_from_omise", true, (s, i, sale) -> s.setBoolean(i, sale.recoveredFromOmise())),
            // Never set by an update: the update adds one to it, on the condition that it is still the one read.
            new Column("version", false, (s, i, sale) -> s.setLong(i, sale.version())));

    private static final List<Column> CHANGING = COLUMNS.stream().filter(Column::changes).toList();

    /** Every column, in the order {@link #read} reads them. */
    static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));

    static final String INSERT = "INSERT INTO sale (" + NAMES + ") VALUES ("
            + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";

    static final String UPDATE = "UPDATE sale SET " + CHANGING.stream().map(column -> column.name() + " = ?")
            .collect(Collectors.joining(", ")) + ", version = version + 1 WHERE till_reference = ? AND version = ?";

    private SaleColumns() {
    }

    static void bindInsert(PreparedStatement statement, Sale sale) throws SQLException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            COLUMNS.get(i).binder().bind(statement, i + 1, sale);
        }
    }

    static void bindUpdate(PreparedStatement statement, Sale sale) throws SQLException {
        for (int i = 0; i < CHANGING.size(); i++) {
            CHANGING.get(i).binder().bind(statement, i + 1, sale);
        }
        statement.setString(CHANGING.size() + 1, sale.tillReference());
        statement.setLong(CHANGING.size() + 2, sale.version());
    }

    /** A sale from a row selected with {@link #NAMES} (qualified or not), in that order. */
    static Sale read(ResultSet row) throws SQLException {
        return new Sale(row.getString(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                PaymentMethod.ofSourceType(row.getString(6)), row.getString(7), row.getString(8), row.getString(9),
                SaleStatus.valueOf(row.getString(10)), row.getString(11), row.getString(12), Ledger.getLong(row, 13),
                Ledger.getLong(row, 14), Ledger.getLong(row, 15), row.getLong(16), row.getBoolean(17), row.getBoolean(18),
                row.getBoolean(19), Ledger.getTime(row, 20), Ledger.getTime(row, 21), Ledger.getTime(row, 22),
                Ledger.getTime(row, 23), row.getBoolean(24), row.getBoolean(25), row.getLong(26));
    }
}
