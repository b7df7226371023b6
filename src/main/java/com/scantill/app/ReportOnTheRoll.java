package com.scantill.app;

import com.scantill.reports.DailyReport;
import com.scantill.reports.ReportLayout;
import com.scantill.reports.ReportLine;
import com.scantill.slips.PrinterSettings;
import com.scantill.slips.Slip;
import com.scantill.words.TypeFace;
import com.scantill.words.Words;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The manager's daily report (the Z report) on the receipt roll: the 80 mm layout's lines, in the reader's language,
 * one after the other with no page breaks, drawn to the paper's dots as a slip is.
 */
public final class ReportOnTheRoll {

    private static final ReportLayout LAYOUT = ReportLayout.RECEIPT_80MM;

    private ReportOnTheRoll() {
    }

    public static Slip draw(DailyReport report, Words words, PrinterSettings.Paper paper) {
        List<ReportLine> lines = LAYOUT.lines(report, words);
        float scale = paper.dots() / (LAYOUT.textWidth() + 8f);
        float lineHeight = LAYOUT.lineHeight();
        int height = Math.round((lines.size() + 2) * lineHeight * scale);
        BufferedImage image = Slip.paper(paper.dots(), height);
        Graphics2D g = Slip.pen(image);
        g.scale(scale, scale);
        float baseline = LAYOUT.fontSize() + lineHeight / 2;
        for (ReportLine line : lines) {
            Font font = (line.style() == ReportLine.Style.TEXT ? TypeFace.REGULAR : TypeFace.BOLD).awt()
                    .deriveFont(line.style().size(LAYOUT.fontSize()));
            for (ReportLine.Piece piece : line.pieces()) {
                if (!piece.text().isBlank()) {
                    new TextLayout(piece.text(), font, g.getFontRenderContext()).draw(g, 4f + piece.x(), baseline);
                }
            }
            baseline += lineHeight;
        }
        g.dispose();
        return new Slip("daily report " + report.day(), image, lines.stream().map(ReportLine::text).toList());
    }
}
