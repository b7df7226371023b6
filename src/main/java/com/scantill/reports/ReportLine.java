package com.scantill.reports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a laid-out report: its pieces of text, each already placed at its distance from the left margin (in
 * points), and how the line is set. The PDF and the printer draw the pieces where they are; neither measures again.
 */
public record ReportLine(Style style, List<Piece> pieces) {

    public enum Style {
        TITLE,
        HEADING,
        TEXT;

        /** The size this style is set in, for a layout whose text is {@code size}. */
        public float size(float size) {
            return this == TITLE ? size * 1.3f : size;
        }
    }

    /** Text that starts {@code x} points right of the margin. */
    public record Piece(String text, float x) {
    }

    public ReportLine {
        pieces = List.copyOf(pieces);
    }

    /** The line's words, its pieces in order with two spaces between: for search and tests. */
    public String text() {
        return pieces.stream().map(Piece::text).collect(Collectors.joining("  "));
    }
}
