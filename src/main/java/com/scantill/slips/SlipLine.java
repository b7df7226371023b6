package com.scantill.slips;

/** One line of a slip: its text (a label on the left and a value on the right for a row) and how it is set. */
record SlipLine(Style style, String left, String right) {

    enum Style {
        /** The shop's name: large, bold, centred. */
        SHOP,
        /** Centred text, wrapped. */
        CENTRE,
        /** Centred and bold: what the slip is. */
        TITLE,
        /** A label on the left, its value on the right. */
        ROW,
        /** The amount: a label and a large bold value. */
        TOTAL,
        /** Text from the left, wrapped. */
        TEXT,
        /** A dashed rule across the paper. */
        RULE,
        /** A line left blank. */
        GAP
    }

    static SlipLine of(Style style, String text) {
        return new SlipLine(style, text, "");
    }

    static SlipLine row(String label, String value) {
        return new SlipLine(Style.ROW, label, value == null ? "" : value);
    }
}
