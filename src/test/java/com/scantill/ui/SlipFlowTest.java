package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.Sale;
import com.scantill.slips.EscPosDecoder;
import com.scantill.slips.FakeNetworkPrinter;
import com.scantill.slips.PrinterSettings;
import com.scantill.slips.ShopDetails;
import com.scantill.slips.Slips;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slips through the real application, by keys, on a network printer that reads ESC/POS: the customer's slip when a
 * sale is paid, a COPY on Ctrl+P, and a slip that waits while the printer is away, with the status bar saying so.
 */
class SlipFlowTest {

    @TempDir
    Path dataFolder;

    private TillDriver till;
    private FakeNetworkPrinter printer;

    @BeforeEach
    void prepare() throws Exception {
        printer = new FakeNetworkPrinter();
        till = new TillDriver(dataFolder);
        till.createOperators();
        till.set("printer.connection=network\nprinter.address=" + printer.address() + "\nshop.name=Baan Suan Coffee");
        till.launch();
        till.signIn("somchai", "4321");
        till.awaitText("#operatorStatus", text -> text.equals("Somchai (cashier)"));
    }

    @AfterEach
    void close() throws Exception {
        till.close();
        printer.close();
    }

    @Test
    void aPaidSalePrintsTheCustomersSlipCtrlPACopyAndSlipsWaitForAPrinterThatIsAway() throws Exception {
        till.sell("150", "134567890123400003");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿150.00"));

        await().atMost(Duration.ofSeconds(10)).until(() -> printer.printed().size() == 1);
        Sale paid = till.runtime.ledger().sales().recentSales(1).get(0);
        Words english = Words.of(Language.EN, TestWords.BANGKOK);
        Slips slips = new Slips(new ShopDetails("Baan Suan Coffee", "", "", "", List.of(), List.of()), "till-1",
                PrinterSettings.Paper.MM80);
        assertThat(EscPosDecoder.differingDots(EscPosDecoder.picture(printer.printed().get(0)),
                slips.sale(paid, Slips.Copy.CUSTOMER, false, "Somchai", english).image())).isZero();
        till.awaitText("#printerStatus", text -> text.equals("Printer ready"));

        till.robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);

        till.awaitText("#message", text -> text.equals("Printing the slip of sale " + paid.tillReference() + "."));
        await().atMost(Duration.ofSeconds(10)).until(() -> printer.printed().size() == 2);
        assertThat(EscPosDecoder.differingDots(EscPosDecoder.picture(printer.printed().get(1)),
                slips.sale(paid, Slips.Copy.CUSTOMER, true, "Somchai", english).image())).as("marked COPY").isZero();

        printer.switchOff();
        till.robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);

        till.awaitText("#printerStatus", text -> text.equals("Printer offline: check its power and cable (1 slips waiting)"));
        printer.switchOn();
        await().atMost(Duration.ofSeconds(15)).until(() -> printer.printed().size() == 3);
        till.awaitText("#printerStatus", text -> text.equals("Printer ready"));
        Thread.sleep(500);
        assertThat(printer.printed()).as("nothing prints twice").hasSize(3);
    }
}
