package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's link to a store on a real PostgreSQL: copied soon after each sale, away and back, said as it stands. */
class StoreLinkTest {

    @TempDir
    Path folder;

    private static void sell(Ledger till, int number) {
        Sale sale = Sale.created("till-1-" + number, "till-1", "cashier-1", 10_000, "THB", PaymentMethod.WECHAT_PAY,
                "**************0001", Instant.now());
        till.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-1", sale.amount(), null, sale.createdAt()));
    }

    @Test
    void salesReachTheStoreWhileTheTillNeverWaitsAndAStoreAwayIsSaidAndCaughtUpOnItsReturn() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        List<StoreLink.Status> seen = new CopyOnWriteArrayList<>();
        try (Ledger till = Ledger.open(folder.resolve("till"));
             StoreLink link = new StoreLink(new StoreSettings(url, "postgres", null), new SettingsStore(folder.resolve("till"), Map.of()), till, "till-1", folder.resolve("till"),
                     Clock.systemUTC())) {
            link.addListener(state -> seen.add(state.status()));
            sell(till, 1);
            link.start(Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(20)).until(() -> link.state().status() == StoreLink.Status.SYNCED);

            TestPostgres.run("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            TestPostgres.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            sell(till, 2);
            sell(till, 3);
            await().atMost(Duration.ofSeconds(20)).until(() -> link.state().status() == StoreLink.Status.UNREACHABLE);
            assertThat(till.sales().recentSales(10)).hasSize(3);

            TestPostgres.run("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            await().atMost(Duration.ofSeconds(20)).until(() -> link.state().status() == StoreLink.Status.SYNCED && link.state().waiting() == 0);
        }
        try (Ledger store = Ledger.openStore(TestPostgres.pool(url), folder.resolve("store"))) {
            assertThat(store.sales().recentSales(10)).extracting(Sale::tillReference)
                    .containsExactlyInAnyOrder("till-1-1", "till-1-2", "till-1-3");
        }
        assertThat(seen).startsWith(StoreLink.Status.STARTING).contains(StoreLink.Status.UNREACHABLE)
                .endsWith(StoreLink.Status.SYNCED);
    }
}
