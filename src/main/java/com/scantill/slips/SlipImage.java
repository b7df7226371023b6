package com.scantill.slips;

import com.scantill.words.TextSetter;
import com.scantill.words.TypeFace;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A slip drawn for the paper, dot for dot, by Java2D in ScanTill Sans: Thai is shaped here, so any ESC/POS printer
 * prints it right as an image. Grey, to be made black and white as it is sent.
 */
final class SlipImage {

    private static final int SIDE = 8;

    private SlipImage() {
    }

    static BufferedImage render(List<SlipLine> lines, PrinterSettings.Paper paper, Locale locale) {
        float body = paper == PrinterSettings.Paper.MM80 ? 24f : 21f;
        Font regular = TypeFace.REGULAR.awt().deriveFont(body);
        Font bold = TypeFace.BOLD.awt().deriveFont(body);
        Font large = TypeFace.BOLD.awt().deriveFont(body * 1.4f);
        Font total = TypeFace.BOLD.awt().deriveFont(body * 1.7f);
        TextSetter text = new TextSetter(locale);
        int width = paper.dots() - 2 * SIDE;
        List<Placed> placed = new ArrayList<>();
        float y = body * 0.5f;
        for (SlipLine line : lines) {
            Font font = switch (line.style()) {
                case SHOP -> large;
                case TITLE -> bold;
                case TOTAL -> total;
                default -> regular;
            };
            float height = font.getSize2D() * 1.45f;
            switch (line.style()) {
                case GAP -> y += height / 2;
                case RULE -> {
                    placed.add(new Placed(null, font, 0, y + height / 2));
                    y += height;
                }
                case SHOP, CENTRE, TITLE -> {
                    for (String part : text.wrap(line.left(), width, font)) {
                        y += height;
                        placed.add(new Placed(part, font, (width - text.width(part, font)) / 2, y - font.getSize2D() * 0.35f));
                    }
                }
                case TEXT -> {
                    for (String part : text.wrap(line.left(), width, font)) {
                        y += height;
                        placed.add(new Placed(part, font, 0, y - font.getSize2D() * 0.35f));
                    }
                }
                case ROW, TOTAL -> {
                    y += height;
                    float baseline = y - font.getSize2D() * 0.35f;
                    float valueWidth = text.width(line.right(), font);
                    Font labelFont = line.style() == SlipLine.Style.TOTAL ? bold : font;
                    placed.add(new Placed(text.fit(line.left(), width - valueWidth - body, labelFont), labelFont, 0, baseline));
                    placed.add(new Placed(line.right(), font, width - valueWidth, baseline));
                }
            }
        }
        BufferedImage image = Slip.paper(paper.dots(), Math.round(y + body));
        Graphics2D g = Slip.pen(image);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        for (Placed piece : placed) {
            if (piece.text() == null) {
                g.drawLine(SIDE, Math.round(piece.y()), SIDE + width, Math.round(piece.y()));
            } else if (!piece.text().isEmpty()) {
                new TextLayout(piece.text(), piece.font(), g.getFontRenderContext()).draw(g, SIDE + piece.x(), piece.y());
            }
        }
        g.dispose();
        return image;
    }

    private record Placed(String text, Font font, float x, float y) {
    }
}
