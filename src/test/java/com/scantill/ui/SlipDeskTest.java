package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.app.ReportOnTheRoll;
import com.scantill.model.EventKind;
import com.scantill.model.RefundRecord;
import com.scantill.reports.DailyReport;
import com.scantill.reports.DailyReports;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.slips.EscPosDecoder;
import com.scantill.slips.FakeNetworkPrinter;
import com.scantill.slips.PrinterSettings;
import com.scantill.slips.ShopDetails;
import com.scantill.slips.Slips;
import com.scantill.testing.PaymentCodes;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slips a till prints by itself, in the till's language (Thai) for an operator who chose none: the customer's and
 * the merchant's copy of a payment, then both copies of a refund, the merchant's naming the supervisor.
 */
class SlipDeskTest {

    @TempDir
    Path dataFolder;

    private FakeNetworkPrinter printer;
    private TrainingTill till;

    @BeforeEach
    void open() throws Exception {
        printer = new FakeNetworkPrinter();
        till = new TrainingTill(dataFolder, 1, "printer.connection=network\nprinter.address=" + printer.address()
                + "\nprinter.paper=58\nslip.merchantCopy=true\nui.language=th\nshop.name=ร้านกาแฟบ้านสวน\n"
                + "slip.footer=ขอบคุณที่ใช้บริการ | Thank you\n");
    }

    @AfterEach
    void close() throws Exception {
        till.close();
        printer.close();
    }

    @Test
    void aPaymentPrintsBothCopiesAndARefundBothOfItsOwn() {
        till.sell("500", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> till.panelTitle().equals("PAID ฿500.00"));
        await().atMost(Duration.ofSeconds(10)).until(() -> printer.printed().size() == 2);
        Sale paid = till.runtime.ledger().sales().recentSales(1).get(0);
        Words thai = Words.of(Language.TH, TestWords.BANGKOK);
        Slips slips = new Slips(new ShopDetails("ร้านกาแฟบ้านสวน", "", "", "", List.of(), List.of("ขอบคุณที่ใช้บริการ", "Thank you")),
                "till-1", PrinterSettings.Paper.MM58);
        assertThat(differing(0, slips.sale(paid, Slips.Copy.CUSTOMER, false, "Somchai", thai).image())).isZero();
        assertThat(differing(1, slips.sale(paid, Slips.Copy.MERCHANT, false, "Somchai", thai).image())).isZero();

        TransactionsModel transactions = till.model.transactions();
        till.fx.runUntil(() -> transactions.transactions().size() == 1 && transactions.transactions().get(0).status().isFinal());
        transactions.selectedProperty().set(transactions.transactions().get(0));
        transactions.refundAmountTextProperty().set("120");
        transactions.refundSelected();
        till.approveAsSupervisor();
        till.fx.runUntil(() -> till.message().equals("Refunded ฿120.00, approved by Wanida."));

        await().atMost(Duration.ofSeconds(10)).until(() -> printer.printed().size() == 4);
        Sale refunded = till.runtime.ledger().sales().sale(paid.tillReference()).orElseThrow();
        RefundRecord refund = till.runtime.ledger().sales().refunds(paid.tillReference()).get(0);
        assertThat(differing(2, slips.refund(refunded, refund, Slips.Copy.CUSTOMER, false, "Somchai", "Wanida", thai).image())).isZero();
        assertThat(differing(3, slips.refund(refunded, refund, Slips.Copy.MERCHANT, false, "Somchai", "Wanida", thai).image())).isZero();
        assertThat(refund.approvedBy()).isEqualTo("wanida");
        await().atMost(Duration.ofSeconds(5)).until(() -> slipsNoted(paid).size() == 4);
        assertThat(slipsNoted(paid)).as("each slip printed is in the sale's history").containsExactly("sale customer",
                "sale merchant", "refund " + refund.refundReference() + " customer", "refund " + refund.refundReference() + " merchant");
    }

    @Test
    void aFailedSalesSlipSaysNoMoneyWasTakenAndTheTestSlipAndTheDailyReportPrint() {
        till.sell("30", "130000000000000004");
        till.fx.runUntil(() -> till.panelTitle().startsWith("NOT PAID"));
        Sale failed = till.runtime.ledger().sales().recentSales(1).get(0);
        assertThat(printer.printed()).as("no slip of its own for a failed sale").isEmpty();

        assertThat(till.runtime.slips().printOnRequest(failed, Language.EN)).isTrue();
        assertThat(till.runtime.slips().printTest(Language.TH)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> printer.printed().size() == 2);
        Slips slips = new Slips(new ShopDetails("ร้านกาแฟบ้านสวน", "", "", "", List.of(), List.of("ขอบคุณที่ใช้บริการ", "Thank you")),
                "till-1", PrinterSettings.Paper.MM58);
        assertThat(differing(0, slips.notPaid(failed, "Somchai", Words.of(Language.EN, TestWords.BANGKOK)).image())).isZero();
        assertThat(EscPosDecoder.picture(printer.printed().get(1)).getWidth()).isEqualTo(PrinterSettings.Paper.MM58.dots());

        DailyReport report = new DailyReports(till.runtime.ledger(), java.time.Clock.systemUTC())
                .build(LocalDate.now(TestWords.BANGKOK), TestWords.BANGKOK, null, "Malee");
        Words thai = Words.of(Language.TH, TestWords.BANGKOK);
        assertThat(till.runtime.slips().printReport(report, thai)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> printer.printed().size() == 3);
        assertThat(differing(2, ReportOnTheRoll.draw(report, thai, PrinterSettings.Paper.MM58).image())).as("the Z report").isZero();
    }

    private List<String> slipsNoted(Sale sale) {
        return till.runtime.ledger().sales().events(sale.tillReference()).stream()
                .filter(event -> event.kind() == EventKind.SLIP_PRINTED).map(SaleEvent::detail).toList();
    }

    private int differing(int job, java.awt.image.BufferedImage expected) {
        return EscPosDecoder.differingDots(EscPosDecoder.picture(printer.printed().get(job)), expected);
    }
}
