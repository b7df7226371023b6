package com.scantill.model;

import java.time.Duration;

/** The rules Omise sets for WeChat Pay User-Presented Mode (B scan C) charges. */
public final class WeChatPayUpm {

    public static final String SOURCE_TYPE = "wechat_pay_upm";
    public static final String CURRENCY = "THB";
    public static final long MIN_AMOUNT_SATANG = 2_000;
    public static final long MAX_AMOUNT_SATANG = 15_000_000;
    public static final Duration REFUND_WINDOW = Duration.ofDays(90);

    private WeChatPayUpm() {
    }

    public static boolean isWithinLimits(long satang) {
        return satang >= MIN_AMOUNT_SATANG && satang <= MAX_AMOUNT_SATANG;
    }

    /** A sentence a cashier can act on, for an amount that {@link #isWithinLimits} rejects. */
    public static String limitsMessage(long satang) {
        return "The amount " + Money.format(satang) + " is outside the WeChat Pay limits of "
                + Money.format(MIN_AMOUNT_SATANG) + " to " + Money.format(MAX_AMOUNT_SATANG) + ".";
    }
}
