package com.scantill.ledger;

import com.scantill.model.DifferenceKind;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The end-of-day checks of the ledger against Omise, and the differences each found. */
public final class ReconciliationRecords {

    private static final String RUN_COLUMNS = "id, business_day, zone, till_id, checked_at, checked_by, agreeing, differing, requests";
    private static final String DIFFERENCE_COLUMNS = "id, run_id, kind, till_reference, charge_id, amount, in_ledger, at_omise, "
            + "settled_by, settled_at";

    private final Ledger ledger;

    ReconciliationRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Writes a check and its differences together; returns the check with its id. */
    public ReconciliationRun save(ReconciliationRun run, List<ReconciliationDifference> differences) {
        long[] id = new long[1];
        ledger.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reconciliation_run (business_day, zone, "
                    + "till_id, checked_at, checked_by, agreeing, differing, requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, run.day());
                insert.setString(2, run.zone().getId());
                insert.setString(3, run.tillId());
                Ledger.setTime(insert, 4, run.checkedAt());
                insert.setString(5, run.checkedBy());
                insert.setInt(6, run.agreeing());
                insert.setInt(7, run.differing());
                insert.setInt(8, run.requests());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id[0] = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reconciliation_difference (run_id, kind, "
                    + "till_reference, charge_id, amount, in_ledger, at_omise) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ReconciliationDifference difference : differences) {
                    insert.setLong(1, id[0]);
                    insert.setString(2, difference.kind().name());
                    insert.setString(3, difference.tillReference());
                    insert.setString(4, difference.chargeId());
                    insert.setLong(5, difference.amount());
                    insert.setString(6, difference.inLedger());
                    insert.setString(7, difference.atOmise());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        return new ReconciliationRun(id[0], run.day(), run.zone(), run.tillId(), run.checkedAt(), run.checkedBy(), run.agreeing(),
                run.differing(), run.requests());
    }

    /** The newest check of the day for the till ({@code null}: all tills). */
    public Optional<ReconciliationRun> latest(LocalDate day, String tillId) {
        return ledger.query("SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE business_day = ? AND "
                        + (tillId == null ? "till_id IS NULL" : "till_id = ?") + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                ReconciliationRecords::readRun, tillId == null ? new Object[] {day} : new Object[] {day, tillId})
                .stream().findFirst();
    }

    public List<ReconciliationDifference> differences(long runId) {
        return ledger.query("SELECT " + DIFFERENCE_COLUMNS + " FROM reconciliation_difference WHERE run_id = ? ORDER BY id",
                ReconciliationRecords::readDifference, runId);
    }

    public Optional<ReconciliationDifference> difference(long id) {
        return ledger.query("SELECT " + DIFFERENCE_COLUMNS + " FROM reconciliation_difference WHERE id = ?",
                ReconciliationRecords::readDifference, id).stream().findFirst();
    }

    /** Records that a supervisor accepted Omise's state for the difference; only once. */
    public void settle(long differenceId, String supervisorId, Instant at) {
        ledger.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE reconciliation_difference SET settled_by = ?, "
                    + "settled_at = ? WHERE id = ? AND settled_by IS NULL")) {
                update.setString(1, supervisorId);
                Ledger.setTime(update, 2, at);
                update.setLong(3, differenceId);
                if (update.executeUpdate() != 1) {
                    throw new LedgerException("ReconciliationDifference " + differenceId + " is unknown or already settled");
                }
            }
        });
    }

    private static ReconciliationRun readRun(ResultSet row) throws java.sql.SQLException {
        return new ReconciliationRun(row.getLong(1), row.getObject(2, LocalDate.class), ZoneId.of(row.getString(3)), row.getString(4),
                Ledger.getTime(row, 5), row.getString(6), row.getInt(7), row.getInt(8), row.getInt(9));
    }

    private static ReconciliationDifference readDifference(ResultSet row) throws java.sql.SQLException {
        return new ReconciliationDifference(row.getLong(1), row.getLong(2), DifferenceKind.valueOf(row.getString(3)), row.getString(4),
                row.getString(5), row.getLong(6), row.getString(7), row.getString(8), row.getString(9), Ledger.getTime(row, 10));
    }
}
