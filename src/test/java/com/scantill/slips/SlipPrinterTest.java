package com.scantill.slips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.slips.EscPosDecoder.Command;
import com.scantill.slips.EscPosDecoder.Cut;
import com.scantill.slips.EscPosDecoder.Initialize;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slips on a network printer that reads ESC/POS as a real one does: what arrives is the slip's picture dot for dot,
 * then a cut; a printer away, out of paper or open keeps the slips waiting, and they print once each, in order, when
 * it is back.
 */
class SlipPrinterTest {

    private static final Words THAI = Words.of(Language.TH, ZoneId.of("Asia/Bangkok"));

    private FakeNetworkPrinter printer;
    private SlipPrinter slips;
    private final List<SlipPrinter.State> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void switchOn() throws Exception {
        printer = new FakeNetworkPrinter();
        slips = new SlipPrinter(new PrinterSettings(PrinterSettings.Connection.NETWORK, printer.address(),
                PrinterSettings.Paper.MM80), Duration.ofMillis(500), Duration.ofMillis(100));
        slips.addListener(states::add);
    }

    @AfterEach
    void switchOff() throws Exception {
        slips.close();
        printer.close();
    }

    @Test
    void aSlipArrivesAsItsPictureDotForDotThenACut() throws Exception {
        Slip slip = paidSlip("till-1-A");

        slips.print(slip.name(), () -> slip, () -> { });

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.printed().size() == 1);
        List<Command> job = printer.printed().get(0);
        assertThat(job.get(0)).isInstanceOf(Initialize.class);
        assertThat(job.get(job.size() - 1)).isEqualTo(new Cut(66, 3));
        assertThat(EscPosDecoder.differingDots(EscPosDecoder.picture(job), slip.image())).isZero();
        await().atMost(Duration.ofSeconds(2)).until(() -> slips.state().equals(new SlipPrinter.State(PrinterStatus.READY, 0)));
    }

    @Test
    void slipsWaitWhileThePrinterIsAwayAndPrintOnceEachInOrderWhenItIsBack() throws Exception {
        printer.switchOff();
        Slip first = paidSlip("till-1-A");
        Slip second = paidSlip("till-1-B");

        slips.print(first.name(), () -> first, () -> { });
        slips.print(second.name(), () -> second, () -> { });

        await().atMost(Duration.ofSeconds(5)).until(() -> slips.state().equals(new SlipPrinter.State(PrinterStatus.OFFLINE, 2)));
        Thread.sleep(300);
        printer.switchOn();

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.printed().size() == 2);
        assertThat(EscPosDecoder.differingDots(EscPosDecoder.picture(printer.printed().get(0)), first.image())).isZero();
        assertThat(EscPosDecoder.differingDots(EscPosDecoder.picture(printer.printed().get(1)), second.image())).isZero();
        await().atMost(Duration.ofSeconds(2)).until(() -> slips.state().equals(new SlipPrinter.State(PrinterStatus.READY, 0)));
        Thread.sleep(300);
        assertThat(printer.printed()).as("nothing prints twice").hasSize(2);
    }

    @Test
    void aPrinterOutOfPaperOrOpenSaysSoAndPrintsWhenItIsSeenTo() throws Exception {
        printer.answer(4, 0x12 | 0x60);
        Slip slip = paidSlip("till-1-A");

        slips.print(slip.name(), () -> slip, () -> { });

        await().atMost(Duration.ofSeconds(5)).until(() -> slips.state().equals(new SlipPrinter.State(PrinterStatus.PAPER_OUT, 1)));
        // The cover opened while the paper was changed: the printer is offline before its paper is back.
        printer.answer(1, 0x12 | 0x08);
        printer.answer(2, 0x12 | 0x04);
        printer.answer(4, 0x12);
        await().atMost(Duration.ofSeconds(5)).until(() -> slips.state().equals(new SlipPrinter.State(PrinterStatus.COVER_OPEN, 1)));
        assertThat(printer.printed()).isEmpty();

        printer.answer(1, 0x12);
        printer.answer(2, 0x12);

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.printed().size() == 1);
        assertThat(states).extracting(SlipPrinter.State::status).containsSubsequence(PrinterStatus.PAPER_OUT,
                PrinterStatus.COVER_OPEN, PrinterStatus.READY);
    }

    @Test
    void aUsbPrintersDeviceFileGetsTheSlipAsItIsThoughItCannotSayHowItIs(@TempDir Path folder) throws Exception {
        Path device = Files.createFile(folder.resolve("lp0"));
        Slip slip = paidSlip("till-1-A");
        try (SlipPrinter usb = new SlipPrinter(new PrinterSettings(PrinterSettings.Connection.DEVICE, device.toString(),
                PrinterSettings.Paper.MM80), Duration.ofMillis(500), Duration.ofMillis(100))) {

            usb.print(slip.name(), () -> slip, () -> { });

            await().atMost(Duration.ofSeconds(5)).until(() -> Files.size(device) > 0 && usb.state().waiting() == 0);
            assertThat(usb.state().status()).isEqualTo(PrinterStatus.UNKNOWN);
        }
        assertThat(Files.readAllBytes(device)).isEqualTo(slip.escPos());
    }

    @Test
    void statusBytesAreReadAsEscPosDefinesThem() {
        assertThat(PrinterStatus.read(PrinterStatus.Query.PRINTER, 0x12)).isEqualTo(PrinterStatus.READY);
        assertThat(PrinterStatus.read(PrinterStatus.Query.PRINTER, 0x1A)).isEqualTo(PrinterStatus.OFFLINE);
        assertThat(PrinterStatus.read(PrinterStatus.Query.OFFLINE_CAUSE, 0x16)).isEqualTo(PrinterStatus.COVER_OPEN);
        assertThat(PrinterStatus.read(PrinterStatus.Query.OFFLINE_CAUSE, 0x32)).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(PrinterStatus.read(PrinterStatus.Query.PAPER, 0x72)).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(PrinterStatus.read(PrinterStatus.Query.PAPER, 0x1E)).as("paper near its end still prints").isEqualTo(PrinterStatus.READY);
        assertThat(PrinterStatus.read(PrinterStatus.Query.PRINTER, 0xFF)).as("not a status byte").isEqualTo(PrinterStatus.UNKNOWN);
    }

    private static Slip paidSlip(String reference) {
        Sale sale = Sale.created(reference, "till-1", "somchai", 150_000, "THB", PaymentMethod.WECHAT_PAY, "**************5093",
                Instant.parse("2026-11-26T10:05:09Z")).toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_5zfp0w0rwbw3idjwx2")
                .build();
        return new Slips(ShopDetails.unnamed(), "till-1", PrinterSettings.Paper.MM80).sale(sale, Slips.Copy.CUSTOMER, false,
                "สมชาย", THAI);
    }
}
