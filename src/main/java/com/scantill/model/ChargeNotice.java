package com.scantill.model;

import java.util.Optional;

/**
 * The store's word to the tills that a charge changed, after it looked at the charge at Omise itself: which till made
 * it, for which sale, and what Omise said. A till looks at the charge again before it believes anything.
 */
public record ChargeNotice(String chargeId, String tillId, String tillReference, String status) {

    private static final String SEPARATOR = "\t";

    /** As the store sends it: four fields separated by tabs, none of which holds one. */
    public String encoded() {
        return String.join(SEPARATOR, chargeId, tillId, tillReference, status);
    }

    /** A notice as the store sent it; empty when it is not one, so that a stray message is ignored. */
    public static Optional<ChargeNotice> decoded(String text) {
        String[] fields = text == null ? new String[0] : text.split(SEPARATOR, -1);
        if (fields.length != 4 || fields[0].isEmpty() || fields[1].isEmpty() || fields[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChargeNotice(fields[0], fields[1], fields[2], fields[3]));
    }
}
