package com.scantill.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.Sale;
import com.scantill.ledger.SaleStatus;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A day of 500 transactions laid out on A4 and on an 80 mm roll: every line once, in order, no page overfull. */
class ReportPaginationTest {

    private static DailyReport dayOf500() {
        List<Sale> sales = new ArrayList<>();
        Instant start = Instant.parse("2026-11-25T01:00:00Z");
        for (int i = 0; i < 500; i++) {
            Sale sale = Sale.created(String.format("till-1-%04d", i), "till-1", "somchai", 10_000 + i, "THB",
                    "**************" + String.format("%04d", i), start.plusSeconds(60L * i));
            sales.add(sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId(String.format("chrg_test_%019d", i)).build());
        }
        DailyReport.Count none = new DailyReport.Count(0, 0);
        DailyReport.Totals totals = new DailyReport.Totals(new DailyReport.Count(500, 5_124_750), none, none, none, none,
                5_124_750, 0, 0, 0, none, 0);
        return new DailyReport(LocalDate.of(2026, 11, 25), DailyReports.BANGKOK, "till-1", Instant.now(), "Malee", totals,
                Map.of(), List.of(), List.of(), sales, List.of(), List.of());
    }

    @ParameterizedTest
    @EnumSource(ReportLayout.class)
    void paginatesADayOf500Transactions(ReportLayout layout) throws Exception {
        DailyReport report = dayOf500();
        List<ReportLine> lines = layout.lines(report);

        List<List<ReportLine>> pages = layout.pages(lines);

        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(layout.linesPerPage()));
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(lines);
        assertThat(lines).allSatisfy(line -> assertThat(line.text().length()).isLessThanOrEqualTo(layout.width()));
        List<String> transactionLines = lines.stream().map(ReportLine::text).filter(text -> text.contains("฿100.")
                || text.contains("฿101.") || text.contains("฿102.") || text.contains("฿103.") || text.contains("฿104.")).toList();
        assertThat(transactionLines).hasSize(500);
        assertThat(pages.size()).isGreaterThan(layout == ReportLayout.A4 ? 8 : 20);
        assertThat(layout.pageHeader(report, 3, pages.size())).endsWith("Page 3 of " + pages.size())
                .hasSizeLessThanOrEqualTo(layout.width());

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(report, layout, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(pages.size());
        }
    }
}
