package com.scantill.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.scantill.model.BuildInfo;
import com.scantill.model.Money;
import com.scantill.reports.ReportLine.Piece;
import com.scantill.reports.ReportLine.Style;
import com.scantill.words.TypeFace;
import com.scantill.words.Words;
import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A period's report as an A4 PDF: the totals and every day with its fee and VAT, then a page of charts drawn from
 * the same figures ({@link ReportCharts}), as vector bars, not a picture of the screen.
 */
public final class PeriodPdfWriter {

    private static final ReportLayout LAYOUT = ReportLayout.A4;
    private static final float CHART_HEIGHT = 130f;
    private static final Color BAR = new Color(0x2e, 0x7d, 0x32);
    private static final Color GRID = new Color(0xbd, 0xbd, 0xbd);

    private PeriodPdfWriter() {
    }

    public static void write(PeriodReport report, Words words, OutputStream out) {
        List<List<ReportLine>> pages = LAYOUT.pages(lines(report, words));
        Document document = new Document(new Rectangle(LAYOUT.pageWidth(), LAYOUT.pageHeight()));
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(title(report, words));
            document.addAuthor(report.printedBy());
            document.addCreator(BuildInfo.NAME + " " + BuildInfo.version());
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(words.language().locale().toLanguageTag()));
            document.open();
            Map<TypeFace, BaseFont> fonts = PdfReportWriter.fonts();
            PdfContentByte content = writer.getDirectContent();
            int pageCount = pages.size() + 1;
            for (int number = 1; number <= pages.size(); number++) {
                if (number > 1) {
                    document.newPage();
                }
                header(content, fonts, report, words, number, pageCount);
                List<ReportLine> page = pages.get(number - 1);
                for (int index = 0; index < page.size(); index++) {
                    PdfReportWriter.draw(content, fonts, LAYOUT, LAYOUT.lineBaseline(index), page.get(index));
                }
            }
            document.newPage();
            header(content, fonts, report, words, pageCount, pageCount);
            ReportCharts charts = ReportCharts.of(report, words);
            float top = LAYOUT.lineBaseline(0);
            for (ReportCharts.Chart chart : List.of(charts.paidAmountByHour(), charts.salesByHour(), charts.paidAmountByOperator(),
                    charts.statusShares())) {
                top = chart(content, fonts, chart, words, top) + 2 * LAYOUT.lineHeight();
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be made", e);
        }
    }

    /** The PDF's title, as a reader's PDF viewer shows it. */
    public static String title(PeriodReport report, Words words) {
        return words.get("period.pdfTitle", period(report, words), scope(report, words));
    }

    static String period(PeriodReport report, Words words) {
        ReportPeriod period = report.period();
        return period.oneDay() ? words.date(period.first()) : words.get("period.fromTo", words.date(period.first()), words.date(period.last()));
    }

    private static String scope(PeriodReport report, Words words) {
        return report.tillId() == null ? words.get("paper.scope.all") : words.get("paper.scope.till", report.tillId());
    }

    private static void header(PdfContentByte content, Map<TypeFace, BaseFont> fonts, PeriodReport report, Words words,
                               int page, int pageCount) {
        TypeSetter type = new TypeSetter(LAYOUT.fontSize(), words.language().locale());
        String right = words.get("paper.page", page, pageCount);
        float rightWidth = type.width(right, Style.TEXT);
        String left = type.fit(words.get("paper.header", period(report, words), scope(report, words)),
                LAYOUT.textWidth() - rightWidth - LAYOUT.fontSize(), Style.TEXT);
        PdfReportWriter.draw(content, fonts, LAYOUT, LAYOUT.headerBaseline(), new ReportLine(Style.TEXT,
                List.of(new Piece(left, 0), new Piece(right, LAYOUT.textWidth() - rightWidth))));
    }

    /** The totals, then one line a day: sales, paid, gross, fee, VAT on the fee, net, refunds. */
    static List<ReportLine> lines(PeriodReport report, Words words) {
        TypeSetter type = new TypeSetter(LAYOUT.fontSize(), words.language().locale());
        List<ReportLine> lines = new ArrayList<>();
        lines.add(new ReportLine(Style.TITLE, List.of(new Piece(words.get("period.title"), 0))));
        lines.add(text(words.get("paper.dayAndScope", period(report, words), report.zone().getId(), scope(report, words))));
        lines.add(text(words.get("paper.printed", words.date(report.printedAt().atZone(report.zone()).toLocalDate()),
                words.time(report.printedAt()), report.printedBy())));
        lines.add(text(""));
        DailyReport.Totals totals = report.totals();
        lines.add(new ReportLine(Style.HEADING, List.of(new Piece(words.get("paper.totals"), 0))));
        lines.add(row(type, words.get("paper.successful"), count(words, totals.successful())));
        lines.add(row(type, words.get("paper.failed"), count(words, totals.failed())));
        lines.add(row(type, words.get("paper.expired"), count(words, totals.expired())));
        lines.add(row(type, words.get("paper.notCharged"), count(words, totals.notCharged())));
        lines.add(row(type, words.get("paper.stillOpen"), count(words, totals.stillOpen())));
        lines.add(row(type, words.get("paper.gross"), Money.format(totals.gross())));
        lines.add(row(type, words.get("paper.fee"), Money.format(totals.fee())));
        lines.add(row(type, words.get("paper.feeVat"), Money.format(totals.feeVat())));
        lines.add(row(type, words.get("paper.net"), Money.format(totals.net())));
        lines.add(row(type, words.get("paper.refunds"), count(words, totals.refunds())));
        lines.add(row(type, words.get("paper.netAfterRefunds"), Money.format(totals.netAfterRefunds())));
        lines.add(text(""));
        lines.add(new ReportLine(Style.HEADING, List.of(new Piece(words.get("period.byDay"), 0))));
        lines.add(columns(type, Style.HEADING, words.get("period.column.day"), words.get("period.column.sales"),
                words.get("period.column.paid"), words.get("period.column.gross"), words.get("period.column.fee"),
                words.get("period.column.feeVat"), words.get("period.column.net"), words.get("period.column.refunds")));
        for (PeriodReport.DaySum day : report.days()) {
            lines.add(columns(type, Style.TEXT, words.date(day.day()), words.number(day.sales()), words.number(day.paid()),
                    Money.format(day.gross()), Money.format(day.fee()), Money.format(day.feeVat()), Money.format(day.net()),
                    Money.format(day.refundedAmount())));
        }
        long sales = report.days().stream().mapToLong(PeriodReport.DaySum::sales).sum();
        lines.add(columns(type, Style.HEADING, words.get("period.total"), words.number(sales),
                words.number(totals.successful().count()), Money.format(totals.gross()), Money.format(totals.fee()),
                Money.format(totals.feeVat()), Money.format(totals.net()), Money.format(totals.refunds().amount())));
        return lines;
    }

    /** The day left, each figure right-aligned in its column. */
    private static ReportLine columns(TypeSetter type, Style style, String day, String... figures) {
        float[] rightEdges = {150, 200, 275, 345, 405, 470, LAYOUT.textWidth()};
        List<Piece> pieces = new ArrayList<>(List.of(new Piece(type.fit(day, 100, style), 0)));
        for (int i = 0; i < figures.length; i++) {
            String figure = type.fit(figures[i], 70, style);
            pieces.add(new Piece(figure, rightEdges[i] - type.width(figure, style)));
        }
        return new ReportLine(style, pieces);
    }

    private static ReportLine text(String text) {
        return new ReportLine(Style.TEXT, text.isEmpty() ? List.of() : List.of(new Piece(text, 0)));
    }

    private static ReportLine row(TypeSetter type, String label, String value) {
        float width = type.width(value, Style.TEXT);
        return new ReportLine(Style.TEXT, List.of(new Piece(label, 0), new Piece(value, LAYOUT.textWidth() - width)));
    }

    private static String count(Words words, DailyReport.Count count) {
        return words.get("paper.count", words.number(count.count()), Money.format(count.amount()));
    }

    /** Draws one bar chart below {@code top} (points from the page's top); returns where it ends. */
    private static float chart(PdfContentByte content, Map<TypeFace, BaseFont> fonts, ReportCharts.Chart chart, Words words,
                               float top) {
        float left = LAYOUT.margin();
        float width = LAYOUT.textWidth();
        List<Piece> heading = new ArrayList<>(List.of(new Piece(chart.title(), 0)));
        // Bars too many to carry their values: the scale is the highest one, said beside the title.
        chart.bars().stream().filter(bar -> bar.value() > 0).max(Comparator.comparingLong(ReportCharts.Bar::value))
                .filter(highest -> chart.bars().size() > 12).ifPresent(highest -> {
                    String scale = words.get("chart.highest", highest.label(), highest.valueText());
                    TypeSetter type = new TypeSetter(LAYOUT.fontSize(), words.language().locale());
                    heading.add(new Piece(scale, width - type.width(scale, Style.HEADING)));
                });
        PdfReportWriter.draw(content, fonts, LAYOUT, top, new ReportLine(Style.HEADING, heading));
        float baseY = LAYOUT.pageHeight() - (top + LAYOUT.lineHeight() + CHART_HEIGHT);
        long highest = chart.bars().stream().mapToLong(ReportCharts.Bar::value).max().orElse(0);
        content.setColorStroke(GRID);
        content.setLineWidth(0.5f);
        content.moveTo(left, baseY);
        content.lineTo(left + width, baseY);
        content.stroke();
        int count = Math.max(1, chart.bars().size());
        float slot = width / count;
        float labelSize = Math.min(LAYOUT.fontSize() - 1, slot * 0.9f);
        BaseFont regular = fonts.get(TypeFace.REGULAR);
        for (int i = 0; i < chart.bars().size(); i++) {
            ReportCharts.Bar bar = chart.bars().get(i);
            float height = highest == 0 ? 0 : CHART_HEIGHT * bar.value() / highest;
            float x = left + i * slot;
            if (height > 0) {
                content.setColorFill(BAR);
                content.rectangle(x + slot * 0.15f, baseY, slot * 0.7f, height);
                content.fill();
            }
            content.setColorFill(Color.BLACK);
            content.beginText();
            content.setFontAndSize(regular, labelSize);
            float labelWidth = regular.getWidthPoint(bar.label(), labelSize);
            content.setTextMatrix(x + (slot - labelWidth) / 2, baseY - labelSize - 2);
            content.showText(bar.label());
            content.endText();
            if (bar.value() > 0 && count <= 12) {
                content.beginText();
                content.setFontAndSize(regular, labelSize);
                float valueWidth = regular.getWidthPoint(bar.valueText(), labelSize);
                content.setTextMatrix(x + (slot - valueWidth) / 2, baseY + height + 2);
                content.showText(bar.valueText());
                content.endText();
            }
        }
        content.setColorFill(Color.BLACK);
        return top + LAYOUT.lineHeight() + CHART_HEIGHT + LAYOUT.fontSize();
    }
}
