package com.scantill.checkout;

import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.Sale;
import com.scantill.ledger.SaleStatus;
import com.scantill.omise.OmiseClient;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.testing.MutableClock;
import com.scantill.testing.TestClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A till for tests: a real H2 ledger file, the API client over HTTP to a simulator, and an engine on fast timings. */
final class Till implements AutoCloseable {

    static final Duration PENDING_LIMIT = Duration.ofMillis(800);

    final OmiseSimulator simulator;
    final Path dataFolder;
    final MutableClock clock = new MutableClock();
    final List<SaleState> seen = new CopyOnWriteArrayList<>();
    OmiseClient client;
    Ledger ledger;
    CheckoutEngine engine;
    CheckoutSettings settings;

    Till(OmiseSimulator simulator, Path dataFolder) {
        this.simulator = simulator;
        this.dataFolder = dataFolder;
        this.settings = fastSettings("till-1");
        this.client = TestClients.clientFor(simulator);
        open();
    }

    CheckoutSettings fastSettings(String tillId) {
        return CheckoutSettings.defaults(tillId)
                .withPolling(PollingSchedule.adaptive().dividedBy(20))
                .withPendingLimit(PENDING_LIMIT)
                .withReconciliation(new ReconcilePolicy(3, Duration.ofMillis(100), Duration.ofMinutes(10)))
                .withSweepInterval(Duration.ofHours(1))
                .withClock(clock);
    }

    void open() {
        ledger = Ledger.open(dataFolder);
        engine = new CheckoutEngine(ledger, client, settings);
        engine.addListener(seen::add);
    }

    /** Stops the engine wherever it is, as a crash would, and closes the ledger. */
    void stop() {
        engine.close();
        ledger.close();
    }

    Sale awaitStatus(String reference, SaleStatus status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.sale(reference).map(Sale::status).orElse(null) == status);
        return ledger.sale(reference).orElseThrow();
    }

    Sale awaitFinal(String reference) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.sale(reference).map(sale -> sale.status().isFinal()).orElse(false));
        return ledger.sale(reference).orElseThrow();
    }

    @Override
    public void close() {
        engine.close();
        ledger.close();
        client.close();
    }
}
