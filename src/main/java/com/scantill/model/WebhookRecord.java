package com.scantill.model;

import java.time.Instant;

/**
 * An Omise webhook event the store service received, as it keeps it: once per event, however often Omise delivers it.
 *
 * @param chargeId     the charge the event names, if any
 * @param chargeStatus the charge's status when the service retrieved it from Omise; {@code null} when it did not
 * @param tillId       the till that made the charge, from the charge's metadata at Omise
 */
public record WebhookRecord(String eventId, String key, String chargeId, Instant receivedAt, Outcome outcome,
                            String chargeStatus, String tillId, String tillReference) {

    /** What the service did with the event. */
    public enum Outcome {
        /** The charge was retrieved from Omise and the till that made it was told. */
        TILL_TOLD,
        /** Nothing to act on: an event of another kind, or a charge's creation, which its till heard of first. */
        IGNORED,
        /** Omise knows no such charge: forged, or of the other mode (test or live). */
        UNKNOWN_CHARGE,
        /** A charge no till made (from the dashboard or another system). */
        NOT_A_TILLS_CHARGE
    }
}
