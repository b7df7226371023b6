package com.scantill.reports;

import com.scantill.reports.ReportLine.Style;
import com.scantill.words.TypeFace;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures text as the PDF and the printer set it: ScanTill Sans shaped by Java2D (Thai marks take no width of their
 * own), with fractional widths. Fits a piece into its room and breaks long text into lines between words, which in
 * Thai, written without spaces, the language's own line breaker finds.
 */
final class TypeSetter {

    private static final String ELLIPSIS = "…";
    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, true, true);

    private final Font regular;
    private final Font bold;
    private final float size;
    private final Locale locale;

    TypeSetter(float size, Locale locale) {
        this.regular = TypeFace.REGULAR.awt().deriveFont(size);
        this.bold = TypeFace.BOLD.awt().deriveFont(size);
        this.size = size;
        this.locale = locale;
    }

    static TypeFace face(Style style) {
        return style == Style.TEXT ? TypeFace.REGULAR : TypeFace.BOLD;
    }

    float width(String text, Style style) {
        if (text.isEmpty()) {
            return 0;
        }
        Font font = style == Style.TEXT ? regular : bold;
        if (style == Style.TITLE) {
            font = font.deriveFont(style.size(size));
        }
        char[] chars = text.toCharArray();
        return (float) font.layoutGlyphVector(FRACTIONAL, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT)
                .getLogicalBounds().getWidth();
    }

    /** {@code text} as it is when it fits in {@code room}, else cut at a letter and ended with an ellipsis. */
    String fit(String text, float room, Style style) {
        if (width(text, style) <= room) {
            return text;
        }
        BreakIterator letters = BreakIterator.getCharacterInstance(locale);
        letters.setText(text);
        int end = letters.last();
        while (end > 0 && width(text.substring(0, end) + ELLIPSIS, style) > room) {
            end = letters.previous();
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    /** {@code text} in lines no wider than {@code room}, broken between words; a word wider than a line is cut. */
    List<String> wrap(String text, float room, Style style) {
        List<String> lines = new ArrayList<>();
        BreakIterator words = BreakIterator.getLineInstance(locale);
        words.setText(text);
        StringBuilder line = new StringBuilder();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String word = text.substring(start, end);
            if (line.length() > 0 && width((line + word).stripTrailing(), style) > room) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            while (width(word.stripTrailing(), style) > room) {
                String piece = longestStart(word, room, style);
                lines.add(piece);
                word = word.substring(piece.length());
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private String longestStart(String word, float room, Style style) {
        BreakIterator letters = BreakIterator.getCharacterInstance(locale);
        letters.setText(word);
        int end = letters.next();
        for (int next = letters.next(); next != BreakIterator.DONE && width(word.substring(0, next), style) <= room;
             next = letters.next()) {
            end = next;
        }
        return word.substring(0, end);
    }
}
