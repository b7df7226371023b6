package com.scantill.model;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats integer satang for people; money is never held in floating point. */
public final class Money {

    private Money() {
    }

    /**
     * {@code 150000} becomes {@code ฿1,500.00}; a negative amount is {@code -฿1,500.00}. Every amount the till
     * handles is far inside the range; the one value with no positive counterpart is refused rather than misprinted.
     */
    public static String format(long satang) {
        if (satang == Long.MIN_VALUE) {
            throw new IllegalArgumentException("not an amount of money: " + satang);
        }
        String sign = satang < 0 ? "-" : "";
        long magnitude = Math.abs(satang);
        return sign + "฿" + groupedBaht(magnitude / 100) + "." + String.format(Locale.ROOT, "%02d", magnitude % 100);
    }

    /**
     * Reads an amount of baht as people write it ({@code 1500}, {@code 1,500.5}, {@code ฿1,500.00}) into satang.
     *
     * @throws IllegalArgumentException with a message for the operator when it is not an amount
     */
    public static long parse(String text) {
        String cleaned = text == null ? "" : text.strip().replace("฿", "").replace(",", "").strip();
        if (!cleaned.matches("\\d{1,10}(\\.\\d{0,2})?")) {
            throw new IllegalArgumentException("\"" + (text == null ? "" : text.strip())
                    + "\" is not an amount in baht; write it like 1500 or 1,500.50.");
        }
        int point = cleaned.indexOf('.');
        if (point < 0) {
            return Long.parseLong(cleaned) * 100;
        }
        String fraction = (cleaned.substring(point + 1) + "00").substring(0, 2);
        return Long.parseLong(cleaned.substring(0, point)) * 100 + Long.parseLong(fraction);
    }

    private static String groupedBaht(long baht) {
        DecimalFormat grouping = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return grouping.format(baht);
    }
}
