package com.scantill.ledger;

import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies one till's ledger into the shop's store, in the order it was written: each batch of the till's events goes
 * with the present state of their sales and refunds, and moves the store's mark of how far the till has been copied,
 * all in one store transaction. The till's ledger is never waited on or changed: it stays the till's own record, and
 * the store catches up after any outage, restart or crash. A batch sent twice is kept once: each copied event is keyed
 * by its sale and its id at the till, and the mark only moves forward.
 *
 * <p>The store is PostgreSQL: the copies are written with {@code INSERT … ON CONFLICT}.
 */
public final class StoreReplication {

    private static final String SALE_COPY = SaleColumns.INSERT + " ON CONFLICT (till_reference) DO UPDATE SET "
            + Arrays.stream(SaleColumns.NAMES.split(", ")).filter(name -> !name.equals("till_reference"))
                    .map(name -> name + " = EXCLUDED." + name).collect(Collectors.joining(", "));
    private static final String EVENT_COPY = "INSERT INTO sale_event (till_reference, occurred_at, kind, operator_id, "
            + "status_after, amount, detail, till_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (till_reference, till_event_id) DO NOTHING";
    private static final String MARK = "INSERT INTO store_till (till_id, last_event_id, synced_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (till_id) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, synced_at = EXCLUDED.synced_at "
            + "WHERE store_till.last_event_id < EXCLUDED.last_event_id";

    private final Ledger till;
    private final Ledger store;
    private final String tillId;
    private final Clock clock;

    public StoreReplication(Ledger till, Ledger store, String tillId, Clock clock) {
        this.till = till;
        this.store = store;
        this.tillId = tillId;
        this.clock = clock;
    }

    /**
     * Copies the till's next events, at most {@code limit}, and returns how many: 0 when the store has them all.
     *
     * @throws LedgerException when the store cannot be read or written; nothing is marked as copied then
     */
    public int sendNext(int limit) {
        List<SaleEvent> events = till.sales().eventsAfter(tillId, copiedUpTo(), limit);
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> references = events.stream().map(SaleEvent::tillReference).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Sale> sales = references.stream().map(reference -> till.sales().sale(reference).orElseThrow()).toList();
        List<RefundRecord> refunds = references.stream().flatMap(reference -> till.sales().refunds(reference).stream()).toList();
        long last = events.get(events.size() - 1).id();
        store.inTransaction(connection -> {
            for (Sale sale : sales) {
                copy(connection, sale);
            }
            for (RefundRecord refund : refunds) {
                copy(connection, refund);
            }
            for (SaleEvent event : events) {
                copy(connection, event);
            }
            try (PreparedStatement moveMark = connection.prepareStatement(MARK)) {
                moveMark.setString(1, tillId);
                moveMark.setLong(2, last);
                Ledger.setTime(moveMark, 3, clock.instant());
                moveMark.executeUpdate();
            }
        });
        return events.size();
    }

    /** Copies batch after batch until the store has everything the till has written; returns how many events. */
    public long catchUp(int batch) {
        long sent = 0;
        for (int copied = sendNext(batch); copied > 0; copied = sendNext(batch)) {
            sent += copied;
        }
        return sent;
    }

    /** How many of the till's events the store lacks. */
    public long waiting() {
        return till.sales().countEventsAfter(tillId, copiedUpTo());
    }

    /** The id, at the till, of the last event the store has. */
    private long copiedUpTo() {
        return store.query("SELECT last_event_id FROM store_till WHERE till_id = ?", row -> row.getLong(1), tillId)
                .stream().findFirst().orElse(0L);
    }

    private static void copy(Connection connection, Sale sale) throws SQLException {
        // The store takes the sale as the till has it now, its version included.
        try (PreparedStatement upsert = connection.prepareStatement(SALE_COPY)) {
            SaleColumns.bindInsert(upsert, sale);
            upsert.executeUpdate();
        }
    }

    private static void copy(Connection connection, RefundRecord refund) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(SaleRecords.INSERT_REFUND + " ON CONFLICT (refund_reference) "
                + "DO UPDATE SET status = EXCLUDED.status, refund_id = EXCLUDED.refund_id, failure_code = EXCLUDED.failure_code, "
                + "finished_at = EXCLUDED.finished_at")) {
            SaleRecords.bindRefund(upsert, refund);
            upsert.executeUpdate();
        }
    }

    private static void copy(Connection connection, SaleEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(EVENT_COPY)) {
            SaleRecords.bindEvent(insert, event);
            insert.setLong(8, event.id());
            insert.executeUpdate();
        }
    }
}
