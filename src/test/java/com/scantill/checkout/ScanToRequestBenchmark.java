package com.scantill.checkout;

import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.omise.OmiseClient;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanDispatcher;
import com.scantill.scanner.SerialScanner;
import com.scantill.scanner.SerialSettings;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import com.scantill.testing.TestClients;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the path from a scan to the create request at the server, with the ledger's two writes and its forced
 * commit in it; asserts nothing. Run with {@code ./mvnw test -Dtest=ScanToRequestBenchmark -DexcludedTestGroups=none};
 * the table lands in {@code target/benchmark-scan-to-request.md}. The serial run needs socat.
 */
@Tag("benchmark")
class ScanToRequestBenchmark {

    private static final int SCANS = Integer.getInteger("bench.scans", 500);
    /** Scans made before the measured ones and left out of them, as a till has made by its first customer's rush. */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 0);
    /** The codes scanned: WeChat Pay's ({@code wechat}) or an Alipay+ wallet's ({@code alipay}). */
    private static final String CODES = System.getProperty("bench.codes", "wechat");

    @TempDir
    Path folder;

    @Test
    void scanToCreateRequest() throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "| path to POST /charges at the simulator (%d scans after %d to warm up; the very first apart) | p50 | p99 | max "
                        + "| first |%n|---|---|---|---|---|%n", SCANS, WARM_UP));
        report.append(engineOnly());
        report.append(serialScanner());
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-scan-to-request.md"), report);
    }

    /** From the call that starts the sale: the engine's hand-over to its thread, the ledger, the forced commit, HTTP. */
    private String engineOnly() throws InterruptedException {
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ZERO));
             OmiseClient client = TestClients.clientFor(simulator);
             Ledger ledger = Ledger.open(folder.resolve("engine"));
             CheckoutEngine engine = new CheckoutEngine(ledger, client, fast(), TestStaff.WITHOUT_APPROVALS)) {
            Finished finished = new Finished(engine);
            engine.start().join();
            simulator.clearRequests();
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < WARM_UP + SCANS; i++) {
                Instant scanned = Instant.now();
                engine.startSale(10_000, code(i), "bench");
                micros.add(untilCreated(simulator, finished, scanned, i));
            }
            return row("engine: startSale call", micros);
        }
    }

    /** From the terminator written to a pseudo-terminal: the serial driver, the dispatcher, then the engine's path. */
    private String serialScanner() throws Exception {
        Path scannerEnd = folder.resolve("scanner");
        Path writerEnd = folder.resolve("writer");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + scannerEnd, "pty,raw,echo=0,link=" + writerEnd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException noSocat) {
            return "| serial scanner: no socat on this machine | - | - | - | - |\n";
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(scannerEnd) && Files.exists(writerEnd));
        ScanDispatcher dispatcher = new ScanDispatcher(Clock.systemUTC());
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ZERO));
             OmiseClient client = TestClients.clientFor(simulator);
             Ledger ledger = Ledger.open(folder.resolve("serial"));
             CheckoutEngine engine = new CheckoutEngine(ledger, client, fast(), TestStaff.WITHOUT_APPROVALS);
             SerialScanner scanner = SerialScanner.withDefaults(SerialSettings.defaults(scannerEnd.toString()), dispatcher);
             OutputStream writer = Files.newOutputStream(writerEnd)) {
            dispatcher.addListener((Scan scan) -> engine.startSale(10_000, scan.paymentCode(), "bench"));
            Finished finished = new Finished(engine);
            engine.start().join();
            scanner.start();
            await().atMost(Duration.ofSeconds(5)).until(scanner::isConnected);
            simulator.clearRequests();
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < WARM_UP + SCANS; i++) {
                writer.write(code(WARM_UP + SCANS + i).digits().getBytes(StandardCharsets.US_ASCII));
                writer.flush();
                Thread.sleep(5);
                Instant terminator = Instant.now();
                writer.write('\r');
                writer.flush();
                micros.add(untilCreated(simulator, finished, terminator, i));
            }
            return row("serial scanner on a pseudo-terminal: terminator written", micros);
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static CheckoutSettings fast() {
        return CheckoutSettings.defaults("till-1").withPolling(PollingSchedule.adaptive().dividedBy(50))
                .withSweepInterval(Duration.ofHours(1)).withMethods(Set.of(PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY_PLUS));
    }

    private static PaymentCode code(int i) {
        return PaymentCode.parse(String.format(CODES.equals("alipay") ? "2846%014d" : "1346%014d", i));
    }

    /** Counts the sales the engine has finished, told by its listener, so that waiting does not poll the ledger. */
    private static final class Finished {
        private final Semaphore sales = new Semaphore(0);

        Finished(CheckoutEngine engine) {
            engine.addListener(state -> {
                if (state.sale().status().isFinal()) {
                    sales.release();
                }
            });
        }

        void await() throws InterruptedException {
            if (!sales.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a sale did not finish within 10 s");
            }
        }
    }

    /** How long after {@code from} the sale's create request reached the simulator; waits until the sale is final. */
    private static long untilCreated(OmiseSimulator simulator, Finished finished, Instant from, int index)
            throws InterruptedException {
        finished.await();
        List<RecordedRequest> creates = simulator.requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).toList();
        return Duration.between(from, creates.get(index).receivedAt()).toNanos() / 1_000;
    }

    private static String row(String path, List<Long> micros) {
        long first = micros.get(0);
        long[] sorted = micros.subList(Math.max(1, WARM_UP), micros.size()).stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.1f ms |%n", path,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0,
                first / 1000.0);
    }

    private static long percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
