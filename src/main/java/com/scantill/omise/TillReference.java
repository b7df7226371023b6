package com.scantill.omise;

import java.util.regex.Pattern;

/** The shape of the references the till puts in {@code metadata} to find its own charges and refunds again. */
final class TillReference {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private TillReference() {
    }

    static void requireValid(String field, String reference) {
        if (reference == null || !VALID.matcher(reference).matches()) {
            throw new InvalidRequestException(field, "The " + field + " must be 1 to 64 letters, digits, '-' or '_'.");
        }
    }
}
