package com.scantill.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A shop's operators, set up once on any till: the till's accounts go to the store and the store's come back, the
 * account changed last winning. What is shared is who the operator is and may do (name, role, PIN hash, enabled,
 * language); wrong PINs and lock-outs stay each till's own. An account taken from the store is written in the till's
 * operator log as {@code FROM_STORE}; a PIN changed there ends a lock-out here.
 */
public final class OperatorSharing {

    /** How many accounts went to the store, and how many came from it. */
    public record Shared(int sent, int taken) {
    }

    private record Account(String operatorId, String displayName, String role, String pinHash, boolean enabled, String language,
                           Instant createdAt, Instant changedAt) {
    }

    private static final String COLUMNS = "operator_id, display_name, role, pin_hash, enabled, language, created_at, changed_at";

    private final Ledger till;
    private final Ledger store;
    private final Clock clock;

    public OperatorSharing(Ledger till, Ledger store, Clock clock) {
        this.till = till;
        this.store = store;
        this.clock = clock;
    }

    public Shared share() {
        Map<String, Account> ours = accounts(till);
        Map<String, Account> shops = accounts(store);
        List<Account> toSend = ours.values().stream().filter(account -> isNewer(account, shops.get(account.operatorId()))).toList();
        if (!toSend.isEmpty()) {
            store.inTransaction(connection -> send(connection, toSend));
        }
        List<Account> toTake = shops.values().stream().filter(account -> isNewer(account, ours.get(account.operatorId()))).toList();
        if (!toTake.isEmpty()) {
            till.inTransaction(connection -> {
                for (Account account : toTake) {
                    take(connection, account, ours.get(account.operatorId()));
                }
            });
        }
        return new Shared(toSend.size(), toTake.size());
    }

    private static boolean isNewer(Account account, Account other) {
        return other == null || account.changedAt().isAfter(other.changedAt());
    }

    private static Map<String, Account> accounts(Ledger ledger) {
        return ledger.query("SELECT " + COLUMNS + " FROM operator", row -> new Account(row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getBoolean(5), row.getString(6), Ledger.getTime(row, 7),
                        Ledger.getTime(row, 8)))
                .stream().collect(Collectors.toMap(Account::operatorId, Function.identity()));
    }

    /** Into the store, unless another till sent a newer change of the account meanwhile. */
    private static void send(Connection connection, List<Account> accounts) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO operator (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (operator_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
                + "role = EXCLUDED.role, pin_hash = EXCLUDED.pin_hash, enabled = EXCLUDED.enabled, language = EXCLUDED.language, "
                + "changed_at = EXCLUDED.changed_at WHERE operator.changed_at < EXCLUDED.changed_at")) {
            for (Account account : accounts) {
                bind(upsert, account);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void take(Connection connection, Account account, Account before) throws SQLException {
        if (before == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO operator (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, account);
                insert.executeUpdate();
            }
        } else {
            boolean newPin = !account.pinHash().equals(before.pinHash());
            try (PreparedStatement update = connection.prepareStatement("UPDATE operator SET display_name = ?, role = ?, "
                    + "pin_hash = ?, enabled = ?, language = ?, changed_at = ?" + (newPin ? ", failed_attempts = 0, locked_until = NULL" : "")
                    + " WHERE operator_id = ?")) {
                update.setString(1, account.displayName());
                update.setString(2, account.role());
                update.setString(3, account.pinHash());
                update.setBoolean(4, account.enabled());
                update.setString(5, account.language());
                Ledger.setTime(update, 6, account.changedAt());
                update.setString(7, account.operatorId());
                update.executeUpdate();
            }
        }
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO operator_event (operator_id, occurred_at, kind, "
                + "by_operator, detail) VALUES (?, ?, 'FROM_STORE', NULL, ?)")) {
            event.setString(1, account.operatorId());
            Ledger.setTime(event, 2, clock.instant());
            event.setString(3, "the shop's account as changed at " + account.changedAt());
            event.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Account account) throws SQLException {
        statement.setString(1, account.operatorId());
        statement.setString(2, account.displayName());
        statement.setString(3, account.role());
        statement.setString(4, account.pinHash());
        statement.setBoolean(5, account.enabled());
        statement.setString(6, account.language());
        Ledger.setTime(statement, 7, account.createdAt());
        Ledger.setTime(statement, 8, account.changedAt());
    }
}
