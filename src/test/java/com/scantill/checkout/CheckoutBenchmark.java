package com.scantill.checkout;

import com.scantill.ledger.ChargeNotices;
import com.scantill.ledger.Ledger;
import com.scantill.model.ChargeNotice;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.WebhookRecord;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.WebhookSignature;
import com.scantill.simulator.ChargeSnapshot;
import com.scantill.simulator.CustomerBehaviour;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.Route;
import com.scantill.testing.TestClients;
import com.scantill.testing.TestPostgres;
import com.scantill.webhooks.StoreService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the polling schedules and the ledger; asserts nothing. Run with
 * {@code ./mvnw test -Dtest=CheckoutBenchmark -DexcludedTestGroups=none}; the tables land in
 * {@code target/benchmark-polling.md} and {@code target/benchmark-ledger.md}.
 *
 * <p>Customers confirm after times drawn once from a fixed seed (2–45 s, most under 15 s), all at once on their own
 * tills. {@code SPEED_UP} above 1 divides confirm times and schedules alike and scales lags back, for a quicker
 * look; it inflates the fixed costs (round trip, commit, thread hand-over) by the same factor.
 */
@Tag("benchmark")
class CheckoutBenchmark {

    private static final int CUSTOMERS = 100;
    private static final long SPEED_UP = 1;
    private static final int LEDGER_COMMITS = 2_000;

    @TempDir
    Path dataFolder;

    @Test
    void pollingSchedules() throws Exception {
        List<Duration> confirmTimes = confirmTimes();
        Map<String, PollingSchedule> schedules = new LinkedHashMap<>();
        schedules.put("ScanTill adaptive (1 s to 10 s, 2 s to 30 s, 3 s to 60 s, then 5 s)", PollingSchedule.adaptive());
        schedules.put("fixed 1 s", PollingSchedule.fixed(Duration.ofSeconds(1)));
        schedules.put("fixed 5 s", PollingSchedule.fixed(Duration.ofSeconds(5)));

        StringBuilder report = new StringBuilder();
        report.append("| schedule | requests per charge (mean) | detection lag p50 | p90 | max |\n|---|---|---|---|---|\n");
        int run = 0;
        for (Map.Entry<String, PollingSchedule> schedule : schedules.entrySet()) {
            run++;
            report.append(runSchedule(schedule.getKey(), schedule.getValue().dividedBy(SPEED_UP), confirmTimes,
                    dataFolder.resolve("run-" + run)));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-polling.md"), report);
    }

    /**
     * The same customers with the store pushing Omise's webhooks to the tills (simulator → store service → PostgreSQL
     * NOTIFY → each till's listener), polling only as the safety net. The webhook goes out the moment the charge
     * changes; Omise's own delay comes on top of the lags measured here.
     */
    @Test
    void pushedToTheTills() throws Exception {
        List<Duration> confirmTimes = confirmTimes();
        StringBuilder report = new StringBuilder();
        report.append("| schedule | requests per charge (mean): till | with the store's look | detection lag p50 | p90 | max |\n"
                + "|---|---|---|---|---|---|\n");
        report.append(runPushed("push, safety net every 10 s", PollingSchedule.safetyNet(), confirmTimes, dataFolder.resolve("push")));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-push.md"), report);
    }

    private static String runPushed(String name, PollingSchedule safetyNet, List<Duration> confirmTimes, Path folder)
            throws InterruptedException {
        String storeUrl = TestPostgres.freshDatabaseUrl();
        String secret = Base64.getEncoder().encodeToString("benchmark webhook secret".getBytes(StandardCharsets.UTF_8));
        List<AutoCloseable> opened = new ArrayList<>();
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().requestThreads(32));
             OmiseClient client = TestClients.builderFor(simulator).maxConnections(CUSTOMERS).build();
             OmiseClient storeClient = TestClients.builderFor(simulator).maxConnections(16).build();
             Ledger ledger = Ledger.open(folder);
             Ledger store = Ledger.openStore(TestPostgres.pool(storeUrl), folder.resolve("store"));
             StoreService service = StoreService.start(store, storeClient, WebhookSignature.withSecret(secret, Duration.ofMinutes(5)),
                     StoreService.Options.standard().withPort(0), Clock.systemUTC())) {
            simulator.sendWebhooksTo(service.webhookUri(), Duration.ZERO, secret);
            Map<String, Instant> seenPaid = new ConcurrentHashMap<>();
            CountDownLatch allPaid = new CountDownLatch(confirmTimes.size());
            List<CheckoutEngine> tills = new ArrayList<>();
            List<ChargeNotices> listeners = new ArrayList<>();
            for (int i = 0; i < confirmTimes.size(); i++) {
                String tillId = "till-" + i;
                CheckoutEngine engine = new CheckoutEngine(ledger, client, CheckoutSettings.defaults(tillId)
                        .withPushedPolling(safetyNet).withPendingLimit(Duration.ofMinutes(10)), TestStaff.WITHOUT_APPROVALS);
                engine.addListener(state -> {
                    if (state.sale().status() == SaleStatus.SUCCESSFUL && seenPaid.putIfAbsent(state.sale().chargeId(), Instant.now()) == null) {
                        allPaid.countDown();
                    }
                });
                tills.add(engine);
                listeners.add(ChargeNotices.listen(() -> DriverManager.getConnection(storeUrl), new ChargeNotices.Listener() {
                    @Override
                    public void noticed(ChargeNotice notice) {
                        if (notice.tillId().equals(tillId)) {
                            engine.chargeNoticed(notice.chargeId(), notice.tillReference());
                        }
                    }

                    @Override
                    public void pushChanged(boolean working) {
                        engine.pushChanged(working);
                    }
                }, ChargeNotices.Timing.standard(), Clock.systemUTC()));
            }
            opened.addAll(listeners);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!listeners.stream().allMatch(ChargeNotices::working) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            for (int i = 0; i < confirmTimes.size(); i++) {
                String code = String.format("14%016d", i);
                simulator.customer().script(code, new CustomerBehaviour.Pays(confirmTimes.get(i)));
                tills.get(i).startSale(10_000, PaymentCode.parse(code), "bench");
            }
            if (!allPaid.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not every sale was seen paid");
            }
            tills.forEach(CheckoutEngine::close);

            long[] lagMillis = new long[confirmTimes.size()];
            long tillReads = 0;
            long storeReads;
            int i = 0;
            for (ChargeSnapshot charge : simulator.charges()) {
                lagMillis[i++] = Duration.between(charge.statusChangedAt(), seenPaid.get(charge.id())).toMillis();
                for (var request : simulator.requests()) {
                    if (request.route() == Route.RETRIEVE_CHARGE && charge.id().equals(request.chargeId())) {
                        tillReads++;
                    }
                }
            }
            storeReads = store.webhooks().events().stream().filter(event -> event.outcome() != WebhookRecord.Outcome.IGNORED).count();
            tillReads -= storeReads;
            Arrays.sort(lagMillis);
            double tillPerCharge = 1 + (double) tillReads / confirmTimes.size();
            double withStore = tillPerCharge + (double) storeReads / confirmTimes.size();
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f s | %.2f s | %.2f s |%n", name, tillPerCharge, withStore,
                    percentile(lagMillis, 50) / 1000.0, percentile(lagMillis, 90) / 1000.0, lagMillis[lagMillis.length - 1] / 1000.0);
        } finally {
            for (AutoCloseable resource : opened) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void ledgerCommits() throws IOException {
        String report = ledgerCommits(dataFolder.resolve("ledger-commits"));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-ledger.md"), report);
    }

    private static List<Duration> confirmTimes() {
        Random random = new Random(42);
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            double draw = random.nextDouble();
            long millis = draw < 0.5 ? 2_000 + random.nextInt(8_000)
                    : draw < 0.85 ? 10_000 + random.nextInt(15_000)
                    : 25_000 + random.nextInt(20_000);
            times.add(Duration.ofMillis(millis));
        }
        return times;
    }

    private static String runSchedule(String name, PollingSchedule schedule, List<Duration> confirmTimes, Path folder)
            throws InterruptedException {
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().requestThreads(32));
             OmiseClient client = TestClients.builderFor(simulator).maxConnections(CUSTOMERS).build();
             Ledger ledger = Ledger.open(folder)) {
            Map<String, Instant> seenPaid = new ConcurrentHashMap<>();
            CountDownLatch allPaid = new CountDownLatch(confirmTimes.size());
            List<CheckoutEngine> tills = new ArrayList<>();
            for (int i = 0; i < confirmTimes.size(); i++) {
                String code = String.format("14%016d", i);
                simulator.customer().script(code, new CustomerBehaviour.Pays(confirmTimes.get(i).dividedBy(SPEED_UP)));
                CheckoutEngine engine = new CheckoutEngine(ledger, client, CheckoutSettings.defaults("till-" + i)
                        .withPolling(schedule).withPendingLimit(Duration.ofMinutes(10)), TestStaff.WITHOUT_APPROVALS);
                engine.addListener(state -> {
                    if (state.sale().status() == SaleStatus.SUCCESSFUL && seenPaid.putIfAbsent(state.sale().chargeId(), Instant.now()) == null) {
                        allPaid.countDown();
                    }
                });
                tills.add(engine);
                engine.startSale(10_000, PaymentCode.parse(code), "bench");
            }
            if (!allPaid.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not every sale was seen paid");
            }
            tills.forEach(CheckoutEngine::close);

            long[] lagMillis = new long[confirmTimes.size()];
            long reads = 0;
            int i = 0;
            for (ChargeSnapshot charge : simulator.charges()) {
                lagMillis[i++] = Duration.between(charge.statusChangedAt(), seenPaid.get(charge.id())).toMillis() * SPEED_UP;
                reads += simulator.requests().stream()
                        .filter(request -> request.route() == Route.RETRIEVE_CHARGE && charge.id().equals(request.chargeId()))
                        .count();
            }
            Arrays.sort(lagMillis);
            double requestsPerCharge = 1 + (double) reads / confirmTimes.size();
            return String.format(Locale.ROOT, "| %s | %.1f | %.2f s | %.2f s | %.2f s |%n", name, requestsPerCharge,
                    percentile(lagMillis, 50) / 1000.0, percentile(lagMillis, 90) / 1000.0, lagMillis[lagMillis.length - 1] / 1000.0);
        }
    }

    private static String ledgerCommits(Path folder) throws IOException {
        long[] insertMicros = new long[LEDGER_COMMITS];
        long[] updateMicros = new long[LEDGER_COMMITS];
        long[] forcedMicros = new long[LEDGER_COMMITS];
        try (Ledger ledger = Ledger.open(folder)) {
            for (int i = 0; i < LEDGER_COMMITS; i++) {
                Instant now = Instant.now();
                Sale sale = Sale.created("bench-" + i, "till-1", "bench", 10_000, "THB", PaymentMethod.WECHAT_PAY, "**************0000", now);
                long started = System.nanoTime();
                ledger.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "bench", 10_000L, null, now));
                insertMicros[i] = (System.nanoTime() - started) / 1_000;
                Sale creating = sale.toBuilder().status(SaleStatus.CREATING).build();
                started = System.nanoTime();
                Sale written = ledger.sales().update(creating, SaleEvent.of(EventKind.CHARGE_REQUESTED, creating, "bench", 10_000L, null, now));
                updateMicros[i] = (System.nanoTime() - started) / 1_000;
                Sale pending = written.toBuilder().status(SaleStatus.PENDING).build();
                started = System.nanoTime();
                ledger.sales().update(pending, SaleEvent.of(EventKind.CHARGE_CREATED, pending, "bench", 10_000L, null, now));
                ledger.forceToDisk();
                forcedMicros[i] = (System.nanoTime() - started) / 1_000;
            }
        }
        Arrays.sort(insertMicros);
        Arrays.sort(updateMicros);
        Arrays.sort(forcedMicros);
        return String.format(Locale.ROOT, "| ledger commit (%d each, H2 file) | p50 | p99 |%n|---|---|---|%n"
                        + "| new sale + event | %.2f ms | %.2f ms |%n| sale update + event | %.2f ms | %.2f ms |%n"
                        + "| sale update + event, then forced to disk (CHECKPOINT SYNC) | %.2f ms | %.2f ms |%n",
                LEDGER_COMMITS, percentile(insertMicros, 50) / 1000.0, percentile(insertMicros, 99) / 1000.0,
                percentile(updateMicros, 50) / 1000.0, percentile(updateMicros, 99) / 1000.0,
                percentile(forcedMicros, 50) / 1000.0, percentile(forcedMicros, 99) / 1000.0);
    }

    private static long percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
