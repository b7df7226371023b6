package com.scantill.slips;

/** What a printer says of itself through ESC/POS real-time status, or that it says nothing. */
public enum PrinterStatus {
    READY,
    OFFLINE,
    COVER_OPEN,
    PAPER_OUT,
    /** The connection cannot ask (a print queue, a device file), or the printer did not answer. */
    UNKNOWN;

    /** The DLE EOT requests used: printer status, offline cause, roll paper sensor. */
    public enum Query {
        PRINTER(1),
        OFFLINE_CAUSE(2),
        PAPER(4);

        private final int n;

        Query(int n) {
            this.n = n;
        }

        int n() {
            return n;
        }
    }

    /** A status byte has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not one. */
    static boolean isStatusByte(int answer) {
        return (answer & 0x93) == 0x12;
    }

    /** What one answer to {@code query} says: {@link #READY} when it reports nothing wrong. */
    static PrinterStatus read(Query query, int answer) {
        if (!isStatusByte(answer)) {
            return UNKNOWN;
        }
        return switch (query) {
            case PRINTER -> (answer & 0x08) != 0 ? OFFLINE : READY;
            case OFFLINE_CAUSE -> (answer & 0x04) != 0 ? COVER_OPEN : (answer & 0x20) != 0 ? PAPER_OUT
                    : (answer & 0x40) != 0 ? OFFLINE : READY;
            case PAPER -> (answer & 0x60) != 0 ? PAPER_OUT : READY;
        };
    }
}
