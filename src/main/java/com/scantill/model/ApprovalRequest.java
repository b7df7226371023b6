package com.scantill.model;

import java.util.Objects;

/**
 * What a supervisor is asked to approve: one action, on one sale, for one amount. An approval is good for exactly
 * the request it was given for.
 */
public record ApprovalRequest(Action action, String tillReference, long amount) {

    public enum Action {
        EXPIRE,
        REFUND,
        /** Take Omise's state of a sale into the ledger, after an end-of-day check found them differing. */
        ACCEPT_OMISE_STATE,
        /** Confirm a sale the till took back from Omise (its record lost) as a real sale. */
        CONFIRM_RECOVERED
    }

    public ApprovalRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(tillReference, "tillReference");
    }
}
