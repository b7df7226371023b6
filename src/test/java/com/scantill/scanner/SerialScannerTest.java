package com.scantill.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import com.scantill.testing.RecordingScanListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial driver over a real pseudo-terminal pair made by socat: the scanner's end is opened by jSerialComm,
 * the test writes at the other end as a scanner would.
 */
class SerialScannerTest {

    @TempDir
    Path folder;

    private Path scannerEnd;
    private Path writerEnd;
    private Process socat;
    private SerialScanner scanner;
    private final RecordingScanListener heard = new RecordingScanListener();
    private final List<Scan> scans = heard.scans;
    private final List<RejectedScan> rejected = heard.rejected;
    private final List<ScannerState> states = heard.states;

    @BeforeEach
    void startPseudoTerminals() throws Exception {
        boolean socatInstalled = Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/usr/local/bin/socat"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(socatInstalled).as("CI must have socat: .ci/run installs it").isTrue();
        }
        assumeTrue(socatInstalled, "socat is not installed, so the serial scanner test cannot make a pseudo-terminal "
                + "pair; install it (apt-get install socat) to run this test");
        scannerEnd = folder.resolve("scanner");
        writerEnd = folder.resolve("writer");
        startSocat();
        ScanDispatcher dispatcher = new ScanDispatcher(Clock.systemUTC());
        dispatcher.addListener(heard);
        scanner = new SerialScanner(SerialSettings.defaults(scannerEnd.toString()), dispatcher,
                Duration.ofMillis(200), Duration.ofMillis(300));
        scanner.start();
        await().atMost(Duration.ofSeconds(5)).until(scanner::isConnected);
    }

    private void startSocat() throws IOException {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + scannerEnd, "pty,raw,echo=0,link=" + writerEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(scannerEnd) && Files.exists(writerEnd));
    }

    private void stopSocat() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (scanner != null) {
            scanner.close();
        }
        if (socat != null) {
            stopSocat();
        }
    }

    private void write(String... chunks) throws Exception {
        try (OutputStream out = Files.newOutputStream(writerEnd)) {
            for (String chunk : chunks) {
                out.write(chunk.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(15);
            }
        }
    }

    @Test
    void bytesWrittenAtTheFarEndArriveAsScans() throws Exception {
        write("130991292552725093\r", "101234567890123456\r");

        await().atMost(Duration.ofSeconds(5)).until(() -> scans.size() == 2);
        assertThat(scans).extracting(scan -> scan.paymentCode().digits())
                .containsExactly("130991292552725093", "101234567890123456");
        assertThat(scans.get(0).scanner()).isEqualTo(scannerEnd.toString());
        assertThat(rejected).isEmpty();
    }

    @Test
    void chunkedWritesAreReassembled() throws Exception {
        write("13", "0991", "2925527", "25093", "\r");

        await().atMost(Duration.ofSeconds(5)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
    }

    @Test
    void garbageAndCodesThatAreNotPaymentCodesAreRejected() throws Exception {
        write("\u0001\u00ff\u00fe13099129\r", "hello-world-1234\r", "1309912925\r");

        await().atMost(Duration.ofSeconds(5)).until(() -> rejected.size() == 3);
        assertThat(rejected.get(0).reason()).isEqualTo(RejectedScan.Reason.GARBLED);
        assertThat(rejected.get(1)).extracting(RejectedScan::reason, RejectedScan::length)
                .containsExactly(RejectedScan.Reason.NOT_A_PAYMENT_CODE, 16);
        assertThat(rejected.get(1).echo()).endsWith("1234").doesNotContain("hello");
        assertThat(rejected.get(2).reason()).isEqualTo(RejectedScan.Reason.NOT_A_PAYMENT_CODE);
        assertThat(scans).isEmpty();
    }

    @Test
    void aLineThatNeverEndsIsRejected() throws Exception {
        write("1309912925527");

        await().atMost(Duration.ofSeconds(5)).until(() -> rejected.size() == 1);
        assertThat(rejected.get(0)).extracting(RejectedScan::reason, RejectedScan::echo)
                .containsExactly(RejectedScan.Reason.INCOMPLETE, "*********5527");
        write("130991292552725093\r");
        await().atMost(Duration.ofSeconds(5)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
    }

    @Test
    void anUnpluggedScannerIsNoticedAndReopenedWhenItComesBack() throws Exception {
        stopSocat();

        await().atMost(Duration.ofSeconds(10)).until(() -> !scanner.isConnected());
        assertThat(states).last().satisfies(state -> {
            assertThat(state.status()).isEqualTo(ScannerState.Status.DISCONNECTED);
            assertThat(state.situation()).isEqualTo(ScannerState.Situation.UNPLUGGED);
        });

        startSocat();
        await().atMost(Duration.ofSeconds(10)).until(scanner::isConnected);
        write("130991292552725093\r");
        await().atMost(Duration.ofSeconds(5)).until(() -> scans.size() == 1);
        assertThat(states).extracting(ScannerState::status).containsSubsequence(ScannerState.Status.CONNECTED,
                ScannerState.Status.DISCONNECTED, ScannerState.Status.CONNECTED);
    }

    @Test
    void aPermissionProblemSaysWhatToDo() {
        assertThat(SerialScanner.openFailure(13, true)).isEqualTo(ScannerState.Situation.PERMISSION_DENIED);
        assertThat(SerialScanner.openFailure(2, false)).isEqualTo(ScannerState.Situation.NOT_THERE);
        assertThat(SerialScanner.openFailure(16, true)).isEqualTo(ScannerState.Situation.PORT_BUSY);
    }
}
