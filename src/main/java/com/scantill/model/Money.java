package com.scantill.model;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats integer satang for people; money is never held in floating point. */
public final class Money {

    private Money() {
    }

    /** {@code 150000} becomes {@code ฿1,500.00}; a negative amount is {@code -฿1,500.00}. */
    public static String format(long satang) {
        String sign = satang < 0 ? "-" : "";
        long magnitude = Math.abs(satang);
        return sign + "฿" + groupedBaht(magnitude / 100) + "." + String.format(Locale.ROOT, "%02d", magnitude % 100);
    }

    private static String groupedBaht(long baht) {
        DecimalFormat grouping = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return grouping.format(baht);
    }
}
