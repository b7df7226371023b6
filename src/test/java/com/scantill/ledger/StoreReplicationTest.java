package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tills' H2 ledgers copied into a store on a real PostgreSQL: in order, once, and caught up after the store was away. */
class StoreReplicationTest {

    private static final Instant DAY = Instant.parse("2026-11-26T03:00:00Z");

    @TempDir
    Path folder;

    private final Switchable storeLink = new Switchable(TestPostgres.freshDatabase());
    private Ledger store;
    private Ledger till1;
    private Ledger till2;

    @BeforeEach
    void open() {
        store = Ledger.openStore(storeLink, folder.resolve("store"));
        till1 = Ledger.open(folder.resolve("till-1"));
        till2 = Ledger.open(folder.resolve("till-2"));
    }

    @AfterEach
    void close() {
        till1.close();
        till2.close();
        store.close();
    }

    private static StoreReplication replication(Ledger till, Ledger store, String tillId) {
        return new StoreReplication(till, store, tillId, Clock.systemUTC());
    }

    /** A sale of {@code tillId} paid at {@code at}; every third one has half refunded, every fifth is Alipay+. */
    static void sell(Ledger till, String tillId, int number, Instant at) {
        PaymentMethod method = number % 5 == 0 ? PaymentMethod.ALIPAY_PLUS : PaymentMethod.WECHAT_PAY;
        Sale sale = Sale.created(tillId + "-" + number, tillId, "cashier-1", 10_000 + number, "THB", method, "**************0001", at);
        till.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-1", sale.amount(), null, at));
        Sale paid = till.sales().update(sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_" + tillId + "_" + number)
                .fees(165, 12, sale.amount() - 177).paidAt(at.plusSeconds(9)).finishedAt(at.plusSeconds(9)).build(),
                SaleEvent.of(EventKind.STATUS_SEEN, sale, null, null, "PENDING -> SUCCESSFUL", at.plusSeconds(9)));
        if (number % 3 == 0) {
            RefundRecord refund = new RefundRecord(sale.tillReference() + "-r1", sale.tillReference(), 5_000, RefundStatus.REQUESTED,
                    null, "cashier-1", "supervisor-1", null, at.plusSeconds(60), null);
            till.sales().insertRefund(refund, SaleEvent.of(EventKind.REFUND_REQUESTED, paid, "cashier-1", 5_000L, null, at.plusSeconds(60)));
            Sale refunded = paid.toBuilder().refundedAmount(5_000).build();
            till.sales().settleRefund(refund.done("rfnd_test_" + number, at.plusSeconds(61)), refunded,
                    SaleEvent.of(EventKind.REFUNDED, refunded, "cashier-1", 5_000L, null, at.plusSeconds(61)));
        }
    }

    static long events(Ledger ledger) {
        return ledger.query("SELECT COUNT(*) FROM sale_event", row -> row.getLong(1)).get(0);
    }

    @Test
    void everySaleEventAndRefundReachesTheStoreInOrderAndTheReportAddsUpAcrossTills() {
        for (int i = 1; i <= 30; i++) {
            sell(till1, "till-1", i, DAY.plusSeconds(60L * i));
            sell(till2, "till-2", i, DAY.plusSeconds(60L * i + 30));
        }
        StoreReplication one = replication(till1, store, "till-1");
        StoreReplication two = replication(till2, store, "till-2");
        assertThat(one.waiting()).isEqualTo(events(till1));

        assertThat(one.catchUp(7)).isEqualTo(events(till1));
        assertThat(two.catchUp(100)).isEqualTo(events(till2));

        assertThat(one.waiting()).isZero();
        assertThat(two.waiting()).isZero();
        assertThat(events(store)).isEqualTo(events(till1) + events(till2));
        assertThat(store.sales().sale("till-1-15")).isEqualTo(till1.sales().sale("till-1-15"));
        assertThat(store.sales().refunds("till-2-9")).isEqualTo(till2.sales().refunds("till-2-9"));
        assertThat(store.sales().events("till-1-3")).extracting(SaleEvent::kind).containsExactly(EventKind.SALE_CREATED,
                EventKind.STATUS_SEEN, EventKind.REFUND_REQUESTED, EventKind.REFUNDED);
        Instant from = DAY;
        Instant to = DAY.plus(1, ChronoUnit.DAYS);
        assertThat(store.reports().sums(from, to, "till-1").byStatus()).isEqualTo(till1.reports().sums(from, to, "till-1").byStatus());
        assertThat(store.reports().sums(from, to, "till-2").byMethod()).isEqualTo(till2.reports().sums(from, to, "till-2").byMethod());
        assertThat(store.reports().refundsMade(from, to, null).amount())
                .isEqualTo(till1.reports().refundsMade(from, to, null).amount() + till2.reports().refundsMade(from, to, null).amount());
        assertThat(store.reports().tillIds()).containsExactly("till-1", "till-2");
    }

    @Test
    void theStoreAwayForFiveHundredSalesIsCaughtUpWithNothingTwice() {
        StoreReplication replication = replication(till1, store, "till-1");
        sell(till1, "till-1", 1, DAY);
        replication.catchUp(50);

        storeLink.down = true;
        for (int i = 2; i <= 501; i++) {
            sell(till1, "till-1", i, DAY.plusSeconds(i));
            if (i % 100 == 0) {
                assertThatThrownBy(() -> replication.sendNext(50)).isInstanceOf(LedgerException.class);
            }
        }
        assertThat(till1.sales().recentSales(1000)).as("the till never waited for the store").hasSize(501);
        storeLink.down = false;

        assertThat(replication.waiting()).isEqualTo(events(till1) - 2);
        replication.catchUp(64);

        assertThat(replication.waiting()).isZero();
        assertThat(events(store)).isEqualTo(events(till1));
        assertThat(store.reports().sales(DAY.minusSeconds(1), DAY.plusSeconds(1_000), null)).hasSize(501)
                .isEqualTo(till1.reports().sales(DAY.minusSeconds(1), DAY.plusSeconds(1_000), null));
    }

    @Test
    void aBatchSentAgainIsKeptOnceAndALaterChangeOfASaleStillArrives() {
        StoreReplication replication = replication(till1, store, "till-1");
        for (int i = 1; i <= 10; i++) {
            sell(till1, "till-1", i, DAY.plusSeconds(i));
        }
        replication.catchUp(4);
        // As a second copy of the replication would (a till restarted while the first was still sending).
        store.inTransaction(connection -> connection.createStatement().executeUpdate("UPDATE store_till SET last_event_id = 0"));

        replication.catchUp(4);
        Sale sale = till1.sales().sale("till-1-2").orElseThrow();
        Sale owed = till1.sales().update(sale.toBuilder().refundOwed(true).build(),
                SaleEvent.of(EventKind.REFUND_OWED, sale, null, null, null, DAY.plusSeconds(99)));
        replication.catchUp(4);

        assertThat(events(store)).isEqualTo(events(till1));
        assertThat(store.sales().sale("till-1-2")).contains(owed);
        assertThat(store.sales().events("till-1-2")).extracting(SaleEvent::kind).endsWith(EventKind.REFUND_OWED);
    }

    @Test
    void connectionsCutInTheMiddleOfBatchesLeaveNothingHalfCopiedAndTheNextTryFinishes() throws Exception {
        for (int i = 1; i <= 300; i++) {
            sell(till1, "till-1", i, DAY.plusSeconds(i));
        }
        StoreReplication replication = replication(till1, store, "till-1");
        String database = storeLink.pool.getJdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        int failures = 0;
        for (int attempt = 0; attempt < 200 && replication.waiting() > 0; attempt++) {
            // Two batches in three are cut inside their transaction, as soon as the store has one open; the third goes.
            boolean cut = attempt % 3 != 2;
            AtomicBoolean sent = new AtomicBoolean();
            Thread cutter = new Thread(() -> {
                while (cut && !sent.get() && TestPostgres.count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = '" + database + "' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()") == 0) {
                    Thread.onSpinWait();
                }
            });
            cutter.start();
            try {
                replication.sendNext(120);
            } catch (LedgerException refused) {
                failures++;
            } finally {
                sent.set(true);
            }
            cutter.join();
            // The pool's idle connections were cut too: the next reads take fresh ones, as the pool would find out.
            storeLink.pool.getHikariPoolMXBean().softEvictConnections();
            long copied = events(store);
            long marked = store.query("SELECT COALESCE(MAX(last_event_id), 0) FROM store_till", row -> row.getLong(1)).get(0);
            assertThat(copied).as("every event copied is marked as copied, and none more").isEqualTo(
                    till1.query("SELECT COUNT(*) FROM sale_event WHERE id <= ?", row -> row.getLong(1), marked).get(0));
        }

        assertThat(replication.waiting()).isZero();
        assertThat(failures).as("some batches were cut").isPositive();
        assertThat(events(store)).isEqualTo(events(till1));
        assertThat(store.reports().sales(DAY.minusSeconds(1), DAY.plusSeconds(1_000), null))
                .isEqualTo(till1.reports().sales(DAY.minusSeconds(1), DAY.plusSeconds(1_000), null));
    }

    /** The store's connections as the network gives them: a switch turns the store away. */
    private static final class Switchable implements DataSource, AutoCloseable {
        private final HikariDataSource pool;
        volatile boolean down;

        Switchable(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused: the store is away");
            }
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
