package com.scantill.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report as a PDF (Apache PDFBox), line for line as printed. The fonts are Arundina Sans (shipped in the
 * application), which has Thai letters and the baht sign.
 */
public final class PdfReportWriter {

    private static final String MONO = "/com/scantill/reports/fonts/ArundinaSansMono.ttf";
    private static final String BOLD = "/com/scantill/reports/fonts/ArundinaSans-Bold.ttf";

    private PdfReportWriter() {
    }

    public static void write(DailyReport report, ReportLayout layout, OutputStream out) {
        List<List<ReportLine>> pages = layout.pages(layout.lines(report));
        try (PDDocument document = new PDDocument()) {
            PDFont mono = font(document, MONO);
            PDFont bold = font(document, BOLD);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("ScanTill daily report " + report.day() + ", " + report.scope());
            info.setAuthor(report.printedBy());
            int number = 0;
            for (List<ReportLine> page : pages) {
                number++;
                PDPage pdfPage = new PDPage(new PDRectangle(layout.pageWidth(), layout.pageHeight()));
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    float y = layout.pageHeight() - layout.margin() - layout.fontSize();
                    y = line(content, mono, layout.fontSize(), layout.margin(), y,
                            layout.pageHeader(report, number, pages.size()), layout);
                    y -= layout.lineHeight();
                    for (ReportLine line : page) {
                        PDFont font = line.style() == ReportLine.Style.TEXT ? mono : bold;
                        float size = line.style() == ReportLine.Style.TITLE ? layout.fontSize() * 1.3f : layout.fontSize();
                        y = line(content, font, size, layout.margin(), y, line.text(), layout);
                    }
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be written", e);
        }
    }

    private static float line(PDPageContentStream content, PDFont font, float size, float x, float y, String text,
                              ReportLayout layout) throws IOException {
        if (!text.isBlank()) {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }
        return y - layout.lineHeight();
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfReportWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PDType0Font.load(document, in);
        }
    }
}
