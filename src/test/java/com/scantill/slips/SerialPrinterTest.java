package com.scantill.slips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.scantill.slips.EscPosDecoder.Command;
import com.scantill.slips.EscPosDecoder.Cut;
import com.scantill.slips.EscPosDecoder.StatusRequest;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slip to a printer on a serial port: a real pseudo-terminal pair made by socat, the printer's end read here. */
class SerialPrinterTest {

    @TempDir
    Path folder;

    @Test
    void aSlipReachesASerialPrinterWhichIsAskedHowItIsFirst() throws Exception {
        boolean socatInstalled = Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/usr/local/bin/socat"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(socatInstalled).as("CI must have socat: .ci/run installs it").isTrue();
        }
        assumeTrue(socatInstalled, "socat is not installed, so no pseudo-terminal pair can stand for the printer's port");
        Path tillEnd = folder.resolve("till");
        Path printerEnd = folder.resolve("printer");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + tillEnd, "pty,raw,echo=0,link=" + printerEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<Command> received = new CopyOnWriteArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(tillEnd) && Files.exists(printerEnd));
            CountDownLatch listening = new CountDownLatch(1);
            Thread printer = new Thread(() -> readAsAPrinter(printerEnd, received, listening), "serial-printer");
            printer.setDaemon(true);
            printer.start();
            assertThat(listening.await(5, TimeUnit.SECONDS)).as("the printer's end is open").isTrue();
            Slip slip = new Slips(ShopDetails.unnamed(), "till-1", PrinterSettings.Paper.MM58)
                    .test(Instant.parse("2026-11-26T10:05:09Z"), Words.of(Language.TH, ZoneId.of("Asia/Bangkok")));

            try (SlipPrinter slips = new SlipPrinter(new PrinterSettings(PrinterSettings.Connection.SERIAL,
                    tillEnd + "@115200", PrinterSettings.Paper.MM58), Duration.ofMillis(500), Duration.ofMillis(100))) {
                slips.print(slip.name(), () -> slip, () -> { });

                await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(new Cut(66, 3)));
            }

            assertThat(received.get(0)).isEqualTo(new StatusRequest(1));
            List<Command> job = received.stream().filter(command -> !(command instanceof StatusRequest)).toList();
            assertThat(EscPosDecoder.differingDots(EscPosDecoder.picture(job), slip.image())).isZero();
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void readAsAPrinter(Path port, List<Command> received, CountDownLatch listening) {
        try (InputStream in = new FileInputStream(port.toFile()); OutputStream out = new FileOutputStream(port.toFile())) {
            listening.countDown();
            for (Command command = EscPosDecoder.next(in); command != null; command = EscPosDecoder.next(in)) {
                received.add(command);
                if (command instanceof StatusRequest) {
                    out.write(0x12);
                    out.flush();
                }
            }
        } catch (IOException portClosed) {
            // The test is over.
        }
    }
}
