package com.scantill.model;

/** What a line of a sale's event log records. */
public enum EventKind {
    SALE_CREATED,
    CHARGE_REQUESTED,
    CHARGE_CREATED,
    CHARGE_REFUSED,
    CHARGE_NOT_SENT,
    OUTCOME_UNKNOWN,
    RECONCILED_FOUND,
    RECONCILED_NOT_FOUND,
    LATE_CHARGE_FOUND,
    STATUS_SEEN,
    EXPIRY_OFFERED,
    EXPIRE_REQUESTED,
    EXPIRE_FAILED,
    ABANDONED,
    REFUND_OWED,
    NEEDS_ATTENTION,
    REFUND_REQUESTED,
    REFUNDED,
    REFUND_FAILED,
    REFUND_OUTCOME_UNKNOWN,
    RECOVERED,
    RECOVERED_FROM_OMISE,
    /** A supervisor accepted Omise's state of the sale after an end-of-day check found them differing. */
    OMISE_STATE_ACCEPTED,
    /** A refund made outside the till (in Omise's dashboard), taken into the ledger. */
    EXTERNAL_REFUND,
    /** A supervisor reviewed a sale recovered from Omise and confirmed it as a real sale. */
    RECOVERY_CONFIRMED,
    /** A slip of the sale reached the printer; the detail says which (a payment's or a refund's, whose copy). */
    SLIP_PRINTED
}
