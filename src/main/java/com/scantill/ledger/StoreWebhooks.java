package com.scantill.ledger;

import com.scantill.model.ChargeNotice;
import com.scantill.model.WebhookRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's record of Omise's webhook events, and its word to the tills: an event is kept once, and the notice of
 * it goes out on PostgreSQL's {@code NOTIFY} in the same transaction, so that tills hear only of what was kept and
 * never twice of one event. Only a store on PostgreSQL has them.
 */
public final class StoreWebhooks {

    /** Where notices of changed charges are sent. */
    public static final String CHARGES_CHANNEL = "scantill_charges";
    /** Where the store service says, every few seconds, that it is there. */
    public static final String HEARTBEAT_CHANNEL = "scantill_store";

    private static final String COLUMNS = "event_id, event_key, charge_id, received_at, outcome, charge_status, till_id, till_reference";

    private final Ledger ledger;

    StoreWebhooks(Ledger ledger) {
        this.ledger = ledger;
    }

    public boolean seen(String eventId) {
        return !ledger.query("SELECT 1 FROM store_webhook_event WHERE event_id = ?", row -> true, eventId).isEmpty();
    }

    /**
     * Keeps the event and, when it is new, tells the tills of {@code notice}, both or neither.
     *
     * @return whether the event was new
     */
    public boolean record(WebhookRecord event, Optional<ChargeNotice> notice) {
        boolean[] kept = new boolean[1];
        ledger.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO store_webhook_event (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
                insert.setString(1, event.eventId());
                insert.setString(2, event.key());
                insert.setString(3, event.chargeId());
                Ledger.setTime(insert, 4, event.receivedAt());
                insert.setString(5, event.outcome().name());
                insert.setString(6, Ledger.truncated(event.chargeStatus(), 32));
                insert.setString(7, Ledger.truncated(event.tillId(), 32));
                insert.setString(8, Ledger.truncated(event.tillReference(), 64));
                kept[0] = insert.executeUpdate() == 1;
            }
            if (kept[0] && notice.isPresent()) {
                notify(connection, CHARGES_CHANNEL, notice.get().encoded());
            }
        });
        return kept[0];
    }

    /** Tells the listening tills that the store service is there. */
    public void heartbeat(String from) {
        ledger.inTransaction(connection -> notify(connection, HEARTBEAT_CHANNEL, from));
    }

    public List<WebhookRecord> events() {
        return ledger.query("SELECT " + COLUMNS + " FROM store_webhook_event ORDER BY received_at, event_id", row ->
                new WebhookRecord(row.getString(1), row.getString(2), row.getString(3), Ledger.getTime(row, 4),
                        WebhookRecord.Outcome.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8)));
    }

    public Optional<Instant> lastReceived() {
        return ledger.query("SELECT MAX(received_at) FROM store_webhook_event", row -> Optional.ofNullable(Ledger.getTime(row, 1)))
                .get(0);
    }

    private static void notify(Connection connection, String channel, String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }
}
