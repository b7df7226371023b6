package com.scantill.scanner;

import com.scantill.model.PaymentCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a serial scanner's chunks back together into lines. A line holding anything but printable ASCII is
 * garbage; so is a line longer than any scanner sends.
 */
final class LineAssembler {

    static final int MAX_LINE = 256;

    /** A complete line, or a reason it was thrown away. */
    /** A line read: its text, or why it was refused and what of it may be shown. */
    record Line(String text, RejectedScan.Reason rejection, String echo) {
    }

    private final String ending;
    private final StringBuilder pending = new StringBuilder();

    LineAssembler(SerialSettings.LineEnding lineEnding) {
        this.ending = lineEnding.characters;
    }

    List<Line> add(byte[] bytes, int length) {
        // ISO-8859-1 keeps one character a byte, so garbage stays countable and never throws.
        pending.append(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
        List<Line> lines = new ArrayList<>();
        int end;
        while ((end = pending.indexOf(ending)) >= 0) {
            String line = pending.substring(0, end).strip();
            pending.delete(0, end + ending.length());
            if (!line.isEmpty()) {
                lines.add(check(line));
            }
        }
        if (pending.length() > MAX_LINE) {
            lines.add(new Line(null, RejectedScan.Reason.GARBLED, null));
            pending.setLength(0);
        }
        return lines;
    }

    boolean hasPartialLine() {
        return !pending.toString().isBlank();
    }

    /** Throws away a line that never ended, saying so. */
    Line abandonPartial() {
        String partial = pending.toString().strip();
        pending.setLength(0);
        return new Line(null, RejectedScan.Reason.INCOMPLETE, PaymentCode.mask(printable(partial)));
    }

    private static Line check(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return new Line(null, RejectedScan.Reason.GARBLED, null);
            }
        }
        return new Line(line, null, null);
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
