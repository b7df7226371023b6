package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.Money;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager's sales screen in training, driven by keys only: from the daily report (F2), the table filtered by
 * status with its sums, the charts, the day's fees, a sale found by its code's last digits and refunded with a
 * supervisor's PIN, and the period saved as PDF and CSV.
 */
class SalesFlowTest {

    @TempDir
    Path dataFolder;

    private TillDriver till;

    @BeforeEach
    void twoSalesToday() throws Exception {
        till = new TillDriver(dataFolder);
        till.launchSignedIn("malee", "135790");
        till.sell("150", "134567890123456789");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿150.00"));
        till.sell("99", "130000000000000004");
        till.awaitText("#panelTitle", text -> text.equals("NOT PAID ฿99.00"));
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @Test
    void aManagerFiltersTheSalesReadsTheChartsAndFindsASaleToRefundAllByKeys() throws Exception {
        till.press(KeyCode.F10);
        till.awaitText("#reportCheckSummary", text -> !text.isEmpty());
        till.press(KeyCode.F2);
        till.awaitText("#salesFilteredSum", text -> text.startsWith("Shown: 2 sales · ฿249.00 · Successful 1 · ฿150.00"));
        assertThat(table("#salesTable").getItems()).extracting(sale -> ((Sale) sale).amount()).containsExactly(15_000L, 9_900L);

        // Sort by, Down to "Amount, lowest first": the table is read again in that order.
        till.focus("#salesOrder");
        for (int i = 0; i < 3; i++) {
            till.press(KeyCode.DOWN);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> table("#salesTable").getItems().stream()
                .map(sale -> ((Sale) sale).amount()).toList().equals(List.of(9_900L, 15_000L)));
        till.awaitText("#salesPeriodTotals", text -> text.startsWith("Successful: 1 · ฿150.00"));

        // Ctrl+1 puts the focus on the status filter; Down steps through the statuses to Failed.
        chord(KeyCode.DIGIT1);
        till.awaitFocus("#salesStatus");
        for (int i = 0; i < 6; i++) {
            till.press(KeyCode.DOWN);
        }
        till.awaitText("#salesFilteredSum", text -> text.startsWith("Shown: 1 sales · ฿99.00 · Successful 0 · ฿0.00"));
        assertThat(table("#salesTable").getItems()).extracting(sale -> ((Sale) sale).amount()).containsExactly(9_900L);

        chord(KeyCode.DIGIT2);
        BarChart<?, ?> byHour = till.robot.lookup("#paidByHourChart").queryAs(BarChart.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !byHour.getData().isEmpty());
        List<? extends XYChart.Data<?, ?>> hours = byHour.getData().get(0).getData();
        assertThat(hours).hasSize(24);
        assertThat(hours.stream().mapToDouble(bar -> ((Number) bar.getYValue()).doubleValue()).sum()).isEqualTo(150.0);
        assertThat(till.robot.lookup("#statusChart").queryAs(PieChart.class).getData()).extracting(PieChart.Data::getName)
                .containsExactly("Successful 1 (50%)", "Failed 1 (50%)");

        chord(KeyCode.DIGIT3);
        TableView<?> days = table("#daysTable");
        assertThat(days.getItems()).hasSize(1);
        assertThat(days.getColumns().get(3).getCellData(0)).isEqualTo("฿150.00");

        chord(KeyCode.DIGIT4);
        till.awaitFocus("#salesSearch");
        till.type("6789");
        till.press(KeyCode.ENTER);
        till.awaitText("#salesMessage", text -> text.startsWith("Found 1 for \"6789\""));
        till.press(KeyCode.TAB);
        till.awaitFocus("#foundTable");
        till.press(KeyCode.HOME);
        till.awaitText("#foundRefundAmount", text -> text.equals("150.00"));
        till.awaitText("#foundDetails", text -> text.contains("฿150.00 · PAID") && text.contains("**************6789"));
        till.typeInto("#foundRefundAmount", "50");
        till.press(KeyCode.F6);
        till.approveAsSupervisor("wanida", "864213");
        till.awaitText("#salesMessage", text -> text.equals("Refunded ฿50.00, approved by Wanida."));
        // The PIN prompt gone, the focus is back where the refund was asked for.
        till.awaitFocus("#foundRefundAmount");
        Sale refunded = till.runtime.ledger().sales().recentSales(5).stream().filter(sale -> sale.amount() == 15_000)
                .findFirst().orElseThrow();
        assertThat(refunded.refundedAmount()).isEqualTo(5_000);
        assertThat(till.runtime.ledger().sales().refunds(refunded.tillReference())).extracting(RefundRecord::approvedBy)
                .containsExactly("wanida");
        till.awaitText("#foundRefundAmount", text -> text.equals("100.00"));
        till.awaitText("#salesPeriodTotals", text -> text.contains("Refunds ฿50.00"));
        chord(KeyCode.P);
        till.awaitText("#salesMessage", text -> text.startsWith("No receipt printer is set up"));

        till.press(KeyCode.F7);
        till.awaitText("#salesMessage", text -> text.startsWith("Saved ") && text.endsWith(".pdf"));
        Path reports = till.trainingFolder().resolve("reports");
        String today = LocalDate.now(com.scantill.reports.DailyReports.BANGKOK).toString();
        Path pdf = reports.resolve("sales-" + today + "-to-" + today + "-all.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(document)).contains("Sales report", Money.format(15_000),
                    "Paid amount by hour", "Sales by outcome");
        }
        till.press(KeyCode.F8);
        till.awaitText("#salesMessage", text -> text.endsWith("-sales.csv"));
        try (Stream<String> lines = Files.lines(reports.resolve("sales-" + today + "-to-" + today + "-all-sales.csv"))) {
            assertThat(lines.count()).isEqualTo(2);
        }

        till.press(KeyCode.ESCAPE);
        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));

        // Ctrl+F on the till screen: straight to the search, ready for the typing.
        chord(KeyCode.F);
        till.awaitFocus("#salesSearch");
        till.type("0004");
        till.press(KeyCode.ENTER);
        till.awaitText("#salesMessage", text -> text.startsWith("Found 1 for \"0004\""));
    }

    @Test
    void aCashierCannotOpenTheSalesScreen() throws Exception {
        till.press(KeyCode.F12);
        till.signIn("somchai", "4321");
        till.awaitText("#operatorStatus", text -> text.startsWith("Somchai"));
        chord(KeyCode.F);
        till.robot.sleep(300);
        assertThat(till.robot.lookup("#salesSearch").tryQuery()).isEmpty();
    }

    private void chord(KeyCode key) {
        till.robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private TableView<?> table(String id) {
        return till.robot.lookup(id).queryAs(TableView.class);
    }
}
