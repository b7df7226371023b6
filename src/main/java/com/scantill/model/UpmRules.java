package com.scantill.model;

import java.time.Duration;

/**
 * The rules Omise sets for User-Presented Mode (B scan C) charges. They are WeChat Pay's; Omise publishes no other
 * limits for Alipay+, so the till holds Alipay+ charges to the same ones, and a refusal from Omise of an amount
 * within them is a definite refusal, nothing charged.
 */
public final class UpmRules {
    public static final String CURRENCY = "THB";
    public static final long MIN_AMOUNT_SATANG = 2_000;
    public static final long MAX_AMOUNT_SATANG = 15_000_000;
    public static final Duration REFUND_WINDOW = Duration.ofDays(90);

    private UpmRules() {
    }

    public static boolean isWithinLimits(long satang) {
        return satang >= MIN_AMOUNT_SATANG && satang <= MAX_AMOUNT_SATANG;
    }

    /** A sentence a cashier can act on, for an amount that {@link #isWithinLimits} rejects. */
    public static String limitsMessage(long satang) {
        return "The amount " + Money.format(satang) + " is outside the limits of "
                + Money.format(MIN_AMOUNT_SATANG) + " to " + Money.format(MAX_AMOUNT_SATANG) + ".";
    }
}
