package com.scantill.ui;

import static org.awaitility.Awaitility.await;

import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the till as a cashier meets it; asserts nothing. Run with
 * {@code ./mvnw test -Dtest=TillBenchmark -DexcludedTestGroups=none}; the tables land in
 * {@code target/benchmark-till.md}.
 */
@Tag("benchmark")
class TillBenchmark {

    private static final int COLD_STARTS = 5;
    private static final int SCANS = 60;
    private static final Pattern READY = Pattern.compile("first screen shown (\\d+) ms after the JVM started; heap in use (\\d+) MB");

    @TempDir
    Path dataFolder;

    @Test
    void coldStartAndMemory() throws Exception {
        List<Long> wall = new ArrayList<>();
        List<Long> inApp = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        List<Long> resident = new ArrayList<>();
        for (int run = 0; run < COLD_STARTS; run++) {
            Path home = Files.createDirectories(dataFolder.resolve("start-" + run));
            long started = System.nanoTime();
            Process till = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dscantill.home=" + home,
                    // The application's own logging, not the tests' quieter one: the till logs when it is ready.
                    "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    ScanTill.class.getName()).redirectErrorStream(true).start();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(till.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        wall.add((System.nanoTime() - started) / 1_000_000);
                        inApp.add(Long.parseLong(ready.group(1)));
                        heap.add(Long.parseLong(ready.group(2)));
                        resident.add(residentMegabytes(till.pid()));
                        break;
                    }
                }
            } finally {
                till.destroy();
                till.waitFor(10, TimeUnit.SECONDS);
            }
        }
        String report = String.format(Locale.ROOT, "| cold start (%d runs, median) | value |%n|---|---|%n"
                        + "| process start to first screen | %d ms |%n| JVM start to first screen (logged by the till) | %d ms |%n"
                        + "| heap in use at first screen | %d MB |%n| resident memory at first screen | %d MB |%n",
                COLD_STARTS, median(wall), median(inApp), median(heap), median(resident));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-till-start.md"), report);
    }

    private static long residentMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Test
    void terminatorKeyToCreateRequest() throws Exception {
        try (TillDriver till = new TillDriver(dataFolder)) {
            till.createOperators();
            till.launch();
            till.signIn("somchai", "4321");
            List<Long> micros = new ArrayList<>();
            for (int sale = 0; sale < SCANS; sale++) {
                till.awaitText("#amountField", text -> true);
                till.fill("#amountField", "100");
                till.awaitText("#amountMessage", text -> text.startsWith("Scan"));
                Instant enter = scan(till.scene(), String.format("1345%014d", sale));
                await().atMost(Duration.ofSeconds(10)).until(() -> created(till).size() > micros.size());
                RecordedRequest request = created(till).get(micros.size());
                micros.add(Duration.between(enter, request.receivedAt()).toNanos() / 1_000);
                till.awaitText("#panelTitle", text -> text.startsWith("PAID"));
                till.press(KeyCode.F2);
            }
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            String report = String.format(Locale.ROOT, "| terminator key to create request at the simulator (%d scans) "
                            + "| p50 | p99 | max |%n|---|---|---|---|%n| keyboard-wedge scan, Enter to POST /charges | "
                            + "%.1f ms | %.1f ms | %.1f ms |%n", SCANS, percentile(sorted, 50) / 1000.0,
                    percentile(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-till-scan.md"), report);
        }
    }

    private static List<RecordedRequest> created(TillDriver till) {
        return till.simulator().requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).toList();
    }

    /** Types the code at 2 ms a character, then Enter; returns when Enter was handed to the scene. */
    private static Instant scan(Scene scene, String code) throws InterruptedException {
        AtomicReference<Instant> enterAt = new AtomicReference<>();
        for (char c : (code + "\r").toCharArray()) {
            KeyCode key = c == '\r' ? KeyCode.ENTER : KeyCode.valueOf("DIGIT" + c);
            Platform.runLater(() -> {
                Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
                if (key == KeyCode.ENTER) {
                    enterAt.set(Instant.now());
                }
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
            });
            Thread.sleep(2);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> enterAt.get() != null);
        return enterAt.get();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
