package com.scantill.model;

import com.scantill.model.PaymentCodeFormats.Format;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A payment code as read from the customer's phone, of one of the {@link PaymentCodeFormats#standard() formats}
 * the till knows, which tells its payment method. Only {@link #digits()} reveals it whole; everything printable is
 * masked to the last four digits.
 */
public final class PaymentCode {

    private static final int VISIBLE_DIGITS = 4;

    private final String digits;
    private final Format format;

    private PaymentCode(String digits, Format format) {
        this.digits = digits;
        this.format = format;
    }

    /** Accepts what a scanner read, surrounding white space ignored; anything else is refused with a masked echo. */
    public static PaymentCode parse(String scanned) {
        String candidate = scanned == null ? "" : scanned.strip();
        Optional<Format> format = PaymentCodeFormats.standard().formatOf(candidate);
        if (format.isEmpty()) {
            throw new InvalidPaymentCodeException("Not a payment code: read \"" + mask(candidate) + "\" ("
                    + candidate.length() + " characters); a payment code is " + PaymentCodeFormats.standard().formats().stream()
                    .map(PaymentCode::describe).collect(Collectors.joining(", or ")) + ".");
        }
        return new PaymentCode(candidate, format.get());
    }

    private static String describe(Format format) {
        String length = format.minLength() == format.maxLength() ? Integer.toString(format.minLength())
                : format.minLength() + " to " + format.maxLength();
        String first = format.firstFrom().equals(format.firstTo()) ? format.firstFrom() : format.firstFrom() + " to " + format.firstTo();
        return length + " digits starting " + first + " (" + format.method() + ")";
    }

    public static boolean isValid(String scanned) {
        return scanned != null && PaymentCodeFormats.standard().formatOf(scanned.strip()).isPresent();
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

    /** The method the code is charged with, as its format says. */
    public PaymentMethod method() {
        return format.method();
    }

    /** The wallet the code's format names, or {@code null} when the code alone cannot tell. */
    public String wallet() {
        return format.wallet();
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
