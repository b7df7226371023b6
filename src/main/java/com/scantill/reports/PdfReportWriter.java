package com.scantill.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.scantill.model.BuildInfo;
import com.scantill.reports.ReportLine.Piece;
import com.scantill.reports.ReportLine.Style;
import com.scantill.words.TypeFace;
import com.scantill.words.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a PDF (OpenPDF), line for line as laid out, in ScanTill Sans. Its glyphs are placed as Java2D shapes
 * them (OpenPDF's layout processor), so that Thai vowels and tone marks sit where the font puts them; the text as
 * written goes with the glyphs (ActualText), so that it is searched and copied as it reads.
 */
public final class PdfReportWriter {

    static {
        // The layout processor is a switch for the whole JVM; fonts made before it is on are not shaped.
        if (!LayoutProcessor.isEnabled()) {
            LayoutProcessor.enable();
        }
        // Each piece also carries its text as written, so that copying and searching find "ประจำ" and not the glyphs'
        // own order and pieces (ํ + า).
        LayoutProcessor.setWriteActualText();
    }

    private PdfReportWriter() {
    }

    public static void write(DailyReport report, ReportLayout layout, Words words, OutputStream out) {
        List<List<ReportLine>> pages = layout.pages(layout.lines(report, words));
        Document document = new Document(new Rectangle(layout.pageWidth(), layout.pageHeight()));
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(ReportLayout.title(report, words));
            document.addAuthor(report.printedBy());
            document.addCreator(BuildInfo.NAME + " " + BuildInfo.version());
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(words.language().locale().toLanguageTag()));
            document.open();
            Map<TypeFace, BaseFont> fonts = fonts();
            PdfContentByte content = writer.getDirectContent();
            for (int number = 1; number <= pages.size(); number++) {
                if (number > 1) {
                    document.newPage();
                }
                draw(content, fonts, layout, layout.headerBaseline(), layout.pageHeader(report, words, number, pages.size()));
                List<ReportLine> page = pages.get(number - 1);
                for (int index = 0; index < page.size(); index++) {
                    draw(content, fonts, layout, layout.lineBaseline(index), page.get(index));
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be made", e);
        }
    }

    /** Draws {@code line} on its baseline, given from the top of the page as the layout gives it. */
    static void draw(PdfContentByte content, Map<TypeFace, BaseFont> fonts, ReportLayout layout, float baseline,
                             ReportLine line) {
        Style style = line.style();
        for (Piece piece : line.pieces()) {
            if (piece.text().isBlank()) {
                continue;
            }
            content.beginText();
            content.setFontAndSize(fonts.get(TypeSetter.face(style)), style.size(layout.fontSize()));
            content.setTextMatrix(layout.margin() + piece.x(), layout.pageHeight() - baseline);
            content.showText(piece.text());
            content.endText();
        }
    }

    static Map<TypeFace, BaseFont> fonts() {
        Map<TypeFace, BaseFont> fonts = new EnumMap<>(TypeFace.class);
        for (TypeFace face : TypeFace.values()) {
            try {
                fonts.put(face, BaseFont.createFont(face.resource(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException("The font " + face.resource() + " cannot be put in a PDF", e);
            }
        }
        return fonts;
    }
}
