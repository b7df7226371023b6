package com.scantill.model;

/** How the ledger and Omise disagree about one sale. */
public enum DifferenceKind {
    /** Omise holds a charge made by the till whose sale the ledger lacks. */
    MISSING_IN_LEDGER,
    /** The ledger names a charge that Omise does not know. */
    MISSING_AT_OMISE,
    /** The sale's state differs (paid at Omise, failed or expired here, say). */
    STATUS,
    /** The amount, fee, VAT on the fee or net differ. */
    AMOUNTS,
    /** Omise holds refunds of the charge the ledger lacks (made in Omise's dashboard, say), or the other way round. */
    REFUNDS
}
