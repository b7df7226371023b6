package com.scantill.scanner;

import java.time.Instant;

/**
 * Something a scanner read that is not a payment code, and why; for the UI to put in words.
 *
 * @param echo   what was read, masked to its last four characters, or {@code null}
 * @param length how many characters were read, or 0
 */
public record RejectedScan(Reason reason, String echo, int length, Instant at, String scanner) {

    public enum Reason {
        /** Read whole, but not a payment code of any format the till knows. */
        NOT_A_PAYMENT_CODE,
        /** Characters no scanner sends, or too many with no line end: the scanner's line settings are wrong. */
        GARBLED,
        /** A read that never ended. */
        INCOMPLETE,
        /** A keyboard scan cut short or mixed with typing: nothing was sent or typed. */
        CUT_SHORT
    }

    /** For the log. */
    @Override
    public String toString() {
        return reason + (echo == null ? "" : " \"" + echo + "\"") + (length == 0 ? "" : " (" + length + " characters)");
    }
}
