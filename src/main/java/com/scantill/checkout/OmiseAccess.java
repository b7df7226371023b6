package com.scantill.checkout;

/** Whether Omise accepts the till's secret key, as its last answer told. */
public enum OmiseAccess {
    ACCEPTED,
    /** Omise answered 401 or 403: no sale can be taken until a manager fixes the key. */
    KEY_REFUSED
}
