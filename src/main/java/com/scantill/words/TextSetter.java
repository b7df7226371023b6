package com.scantill.words;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures text as it is printed: shaped by Java2D (Thai marks take no width of their own), with fractional widths.
 * Fits a piece into its room and breaks long text into lines between words, which in Thai, written without spaces,
 * the language's own line breaker finds. Sizes are in the font's units: points for a page, dots for a slip.
 */
public final class TextSetter {

    private static final String ELLIPSIS = "…";
    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, true, true);

    private final Locale locale;

    public TextSetter(Locale locale) {
        this.locale = locale;
    }

    public float width(String text, Font font) {
        if (text.isEmpty()) {
            return 0;
        }
        char[] chars = text.toCharArray();
        return (float) font.layoutGlyphVector(FRACTIONAL, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT)
                .getLogicalBounds().getWidth();
    }

    /** {@code text} as it is when it fits in {@code room}, else cut at a letter and ended with an ellipsis. */
    public String fit(String text, float room, Font font) {
        if (width(text, font) <= room) {
            return text;
        }
        BreakIterator letters = BreakIterator.getCharacterInstance(locale);
        letters.setText(text);
        int end = letters.last();
        while (end > 0 && width(text.substring(0, end) + ELLIPSIS, font) > room) {
            end = letters.previous();
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    /** {@code text} in lines no wider than {@code room}, broken between words; a word wider than a line is cut. */
    public List<String> wrap(String text, float room, Font font) {
        List<String> lines = new ArrayList<>();
        BreakIterator words = BreakIterator.getLineInstance(locale);
        words.setText(text);
        StringBuilder line = new StringBuilder();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String word = text.substring(start, end);
            if (line.length() > 0 && width((line + word).stripTrailing(), font) > room) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            while (width(word.stripTrailing(), font) > room) {
                String piece = longestStart(word, room, font);
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

    private String longestStart(String word, float room, Font font) {
        BreakIterator letters = BreakIterator.getCharacterInstance(locale);
        letters.setText(word);
        int end = letters.next();
        for (int next = letters.next(); next != BreakIterator.DONE && width(word.substring(0, next), font) <= room;
             next = letters.next()) {
            end = next;
        }
        return word.substring(0, end);
    }
}
