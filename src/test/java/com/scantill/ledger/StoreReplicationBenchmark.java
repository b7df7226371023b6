package com.scantill.ledger;

import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tills copying into one store on an embedded PostgreSQL on this computer. First each till's day is copied from
 * nothing, all tills at once: the store's throughput. Then the tills keep selling, each at a steady pace, while each
 * till's copy runs every 100 ms: the lag from a sale's commit at its till to its copy's commit in the store.
 *
 * <p>{@code ./mvnw test -Dtest=StoreReplicationBenchmark -DexcludedTestGroups=none -Dbench.tills=10 -Dbench.sales=2000}
 */
@Tag("benchmark")
class StoreReplicationBenchmark {

    private static final int TILLS = Integer.getInteger("bench.tills", 10);
    private static final int SALES = Integer.getInteger("bench.sales", 2_000);
    private static final int LIVE_SALES = Integer.getInteger("bench.liveSales", 100);

    @TempDir
    Path folder;

    private static Sale paidSale(Ledger till, String tillId, int number) {
        Instant at = Instant.now();
        Sale sale = Sale.created(tillId + "-" + number, tillId, "cashier-1", 10_000 + number, "THB", PaymentMethod.WECHAT_PAY,
                "**************0001", at);
        till.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-1", sale.amount(), null, at));
        return till.sales().update(sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_" + tillId + "_" + number)
                .fees(165, 12, sale.amount() - 177).paidAt(at).finishedAt(at).build(),
                SaleEvent.of(EventKind.STATUS_SEEN, sale, null, null, null, at));
    }

    @Test
    void throughputAndLag() throws Exception {
        List<Ledger> tills = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(TILLS);
        try (Ledger store = Ledger.openStore(TestPostgres.freshDatabase(), folder.resolve("store"))) {
            List<Future<?>> written = new ArrayList<>();
            for (int t = 1; t <= TILLS; t++) {
                Ledger till = Ledger.open(folder.resolve("till-" + t));
                tills.add(till);
                String tillId = "till-" + t;
                written.add(threads.submit(() -> {
                    for (int i = 1; i <= SALES; i++) {
                        paidSale(till, tillId, i);
                    }
                }));
            }
            for (Future<?> done : written) {
                done.get();
            }

            long started = System.nanoTime();
            List<Future<Long>> copied = new ArrayList<>();
            for (int t = 0; t < TILLS; t++) {
                StoreReplication replication = new StoreReplication(tills.get(t), store, "till-" + (t + 1), Clock.systemUTC());
                copied.add(threads.submit(() -> replication.catchUp(500)));
            }
            long events = 0;
            for (Future<Long> done : copied) {
                events += done.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            List<Long> lagsMillis = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> live = new ArrayList<>();
            for (int t = 0; t < TILLS; t++) {
                Ledger till = tills.get(t);
                String tillId = "till-" + (t + 1);
                StoreReplication replication = new StoreReplication(till, store, tillId, Clock.systemUTC());
                live.add(threads.submit(() -> {
                    List<Sale> waiting = new ArrayList<>();
                    long nextCopy = System.nanoTime();
                    for (int i = 1; i <= LIVE_SALES; i++) {
                        waiting.add(paidSale(till, tillId, SALES + i));
                        Thread.sleep(50);
                        if (System.nanoTime() >= nextCopy || i == LIVE_SALES) {
                            replication.catchUp(500);
                            Instant copiedAt = Instant.now();
                            waiting.forEach(sale -> lagsMillis.add(Duration.between(sale.createdAt(), copiedAt).toMillis()));
                            waiting.clear();
                            nextCopy = System.nanoTime() + Duration.ofMillis(100).toNanos();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : live) {
                done.get();
            }
            List<Long> lags = new ArrayList<>(lagsMillis);
            Collections.sort(lags);
            System.out.printf(Locale.ROOT, "%n| tills × sales | events copied | wall time | events/s | live lag p50 | p99 | max |%n"
                            + "|---|---|---|---|---|---|---|%n| %d × %,d | %,d | %.1f s | %,.0f | %d ms | %d ms | %d ms |%n",
                    TILLS, SALES, events, seconds, events / seconds, lags.get(lags.size() / 2),
                    lags.get((int) Math.ceil(lags.size() * 0.99) - 1), lags.get(lags.size() - 1));
        } finally {
            threads.shutdownNow();
            tills.forEach(Ledger::close);
        }
    }
}
