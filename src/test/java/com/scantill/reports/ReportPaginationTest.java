package com.scantill.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A day of 500 transactions laid out on A4 and on an 80 mm roll: every line once, in order, no page overfull. */
class ReportPaginationTest {

    @ParameterizedTest
    @EnumSource(ReportLayout.class)
    void paginatesADayOf500Transactions(ReportLayout layout) throws Exception {
        DailyReport report = ReportFixtures.dayOf(500);
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
