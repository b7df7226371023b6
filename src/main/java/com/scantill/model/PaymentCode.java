package com.scantill.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A WeChat Pay payment code as read from the customer's phone: 18 digits starting 10 to 15.
 * Only {@link #digits()} reveals it whole; everything printable is masked to the last four digits.
 */
public final class PaymentCode {

    private static final Pattern VALID = Pattern.compile("1[0-5]\\d{16}");
    private static final int VISIBLE_DIGITS = 4;

    private final String digits;

    private PaymentCode(String digits) {
        this.digits = digits;
    }

    /** Accepts what a scanner read, surrounding white space ignored; anything else is refused with a masked echo. */
    public static PaymentCode parse(String scanned) {
        String candidate = scanned == null ? "" : scanned.strip();
        if (!VALID.matcher(candidate).matches()) {
            throw new InvalidPaymentCodeException("Not a WeChat Pay payment code: read \"" + mask(candidate)
                    + "\" (" + candidate.length() + " characters); a payment code is 18 digits starting 10 to 15.");
        }
        return new PaymentCode(candidate);
    }

    public static boolean isValid(String scanned) {
        return scanned != null && VALID.matcher(scanned.strip()).matches();
    }

    /** Everything but the last four characters replaced by {@code *}; safe for logs, screens and the ledger. */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        int hidden = Math.max(0, text.length() - VISIBLE_DIGITS);
        return "*".repeat(hidden) + text.substring(hidden);
    }

    public String digits() {
        return digits;
    }

    public String masked() {
        return mask(digits);
    }

    public String lastFour() {
        return digits.substring(digits.length() - VISIBLE_DIGITS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentCode code && code.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
