package com.scantill.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.words.Language;
import com.scantill.words.Words;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A day of 500 transactions laid out on A4 and on an 80 mm roll, in each language: every line once, in order, no page
 * overfull, no piece of text running into the next or past the margin.
 */
class ReportPaginationTest {

    @ParameterizedTest
    @CsvSource({"A4, TH", "A4, EN", "RECEIPT_80MM, TH", "RECEIPT_80MM, EN"})
    void paginatesADayOf500Transactions(ReportLayout layout, Language language) throws Exception {
        DailyReport report = ReportFixtures.dayOf(500);
        Words words = Words.of(language, DailyReports.BANGKOK);
        List<ReportLine> lines = layout.lines(report, words);

        List<List<ReportLine>> pages = layout.pages(lines);

        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(layout.linesPerPage()));
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(lines);
        TypeSetter type = new TypeSetter(layout.fontSize(), language.locale());
        assertThat(lines).allSatisfy(line -> fitsItsRoom(line, layout, type));
        List<String> transactionLines = lines.stream().map(ReportLine::text).filter(text -> text.contains("฿100.")
                || text.contains("฿101.") || text.contains("฿102.") || text.contains("฿103.") || text.contains("฿104.")).toList();
        assertThat(transactionLines).hasSize(500);
        assertThat(pages.size()).isGreaterThan(layout == ReportLayout.A4 ? 8 : 20);
        ReportLine header = layout.pageHeader(report, words, 3, pages.size());
        assertThat(header.text()).endsWith(words.get("paper.page", 3, pages.size()));
        fitsItsRoom(header, layout, type);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(report, layout, words, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(pages.size());
        }
    }

    private static void fitsItsRoom(ReportLine line, ReportLayout layout, TypeSetter type) {
        float end = 0;
        for (ReportLine.Piece piece : line.pieces()) {
            assertThat(piece.x()).as(line.text()).isGreaterThanOrEqualTo(end);
            end = piece.x() + type.width(piece.text(), line.style());
        }
        assertThat(end).as(line.text()).isLessThanOrEqualTo(layout.textWidth() + 0.01f);
    }
}
