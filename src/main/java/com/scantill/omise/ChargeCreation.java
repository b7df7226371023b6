package com.scantill.omise;

/**
 * The answer to a charge creation. A creation whose answer never came is not an error to retry but an
 * {@link OutcomeUnknown}: the charge may exist, and only a reconciliation by {@code tillReference} may tell.
 */
public sealed interface ChargeCreation {

    String tillReference();

    record Created(Charge charge) implements ChargeCreation {
        @Override
        public String tillReference() {
            return charge.tillReference();
        }
    }

    /**
     * @param httpStatus the status of the answer when one came but could not be trusted, or 0 when none came
     */
    record OutcomeUnknown(String tillReference, String reason, int httpStatus) implements ChargeCreation {
    }
}
