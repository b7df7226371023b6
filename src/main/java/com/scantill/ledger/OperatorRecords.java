package com.scantill.ledger;

import com.scantill.model.OperatorAccount;
import com.scantill.model.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operators' accounts in the ledger database; each change written with an event saying who made it. */
public final class OperatorRecords {

    private static final String COLUMNS = "operator_id, display_name, role, pin_hash, enabled, failed_attempts, "
            + "locked_until, created_at, language";

    private final Ledger ledger;

    OperatorRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    public boolean isEmpty() {
        return ledger.query("SELECT COUNT(*) FROM operator", row -> row.getLong(1)).get(0) == 0;
    }

    public List<OperatorAccount> all() {
        return ledger.query("SELECT " + COLUMNS + " FROM operator ORDER BY role DESC, operator_id", OperatorRecords::read);
    }

    public Optional<OperatorAccount> find(String operatorId) {
        return ledger.query("SELECT " + COLUMNS + " FROM operator WHERE operator_id = ?", OperatorRecords::read, operatorId)
                .stream().findFirst();
    }

    public void add(OperatorAccount account, String byOperator, Instant at) {
        ledger.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO operator (" + COLUMNS + ", changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, account.operatorId());
                insert.setString(2, account.displayName());
                insert.setString(3, account.role().name());
                insert.setString(4, account.pinHash());
                insert.setBoolean(5, account.enabled());
                insert.setInt(6, account.failedAttempts());
                Ledger.setTime(insert, 7, account.lockedUntil());
                Ledger.setTime(insert, 8, account.createdAt());
                insert.setString(9, account.language());
                Ledger.setTime(insert, 10, at);
                insert.executeUpdate();
            }
            event(connection, account.operatorId(), "ADDED", byOperator, account.role().name(), at);
        });
    }

    /**
     * Writes the account's new state with an event of {@code kind} ("PIN_RESET", "DISABLED", …). What the shop's tills
     * share (name, role, PIN, enabled, language) is marked changed at {@code at} only when it changed.
     */
    public void update(OperatorAccount account, String kind, String byOperator, String detail, Instant at) {
        ledger.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE operator SET changed_at = CASE WHEN "
                    + "display_name <> ? OR role <> ? OR pin_hash <> ? OR enabled <> ? OR language IS DISTINCT FROM ? "
                    + "THEN ? ELSE changed_at END, display_name = ?, role = ?, pin_hash = ?, enabled = ?, failed_attempts = ?, "
                    + "locked_until = ?, language = ? WHERE operator_id = ?")) {
                update.setString(1, account.displayName());
                update.setString(2, account.role().name());
                update.setString(3, account.pinHash());
                update.setBoolean(4, account.enabled());
                update.setString(5, account.language());
                Ledger.setTime(update, 6, at);
                update.setString(7, account.displayName());
                update.setString(8, account.role().name());
                update.setString(9, account.pinHash());
                update.setBoolean(10, account.enabled());
                update.setInt(11, account.failedAttempts());
                Ledger.setTime(update, 12, account.lockedUntil());
                update.setString(13, account.language());
                update.setString(14, account.operatorId());
                if (update.executeUpdate() != 1) {
                    throw new SQLException("no operator " + account.operatorId());
                }
            }
            event(connection, account.operatorId(), kind, byOperator, detail, at);
        });
    }

    /**
     * Writes only the count of wrong PINs in a row and the lock-out, with an event of {@code kind} ("WRONG_PIN",
     * "LOCKED_OUT", "SIGNED_IN", …): never the rest of the account, which the shop's store may have changed since it
     * was read.
     */
    public void updateFailures(String operatorId, int failedAttempts, Instant lockedUntil, String kind, String detail, Instant at) {
        ledger.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE operator_id = ?")) {
                update.setInt(1, failedAttempts);
                Ledger.setTime(update, 2, lockedUntil);
                update.setString(3, operatorId);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("no operator " + operatorId);
                }
            }
            event(connection, operatorId, kind, null, detail, at);
        });
    }

    /** The kinds of event recorded for an operator, oldest first. */
    public List<String> eventKinds(String operatorId) {
        return ledger.query("SELECT kind FROM operator_event WHERE operator_id = ? ORDER BY id", row -> row.getString(1), operatorId);
    }

    private static void event(Connection connection, String operatorId, String kind, String byOperator,
                              String detail, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO operator_event (operator_id, occurred_at, "
                + "kind, by_operator, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, operatorId);
            Ledger.setTime(insert, 2, at);
            insert.setString(3, kind);
            insert.setString(4, byOperator);
            insert.setString(5, detail);
            insert.executeUpdate();
        }
    }

    private static OperatorAccount read(ResultSet row) throws SQLException {
        return new OperatorAccount(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)), row.getString(4),
                row.getBoolean(5), row.getInt(6), Ledger.getTime(row, 7), Ledger.getTime(row, 8), row.getString(9));
    }
}
