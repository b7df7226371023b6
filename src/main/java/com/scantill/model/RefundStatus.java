package com.scantill.model;

/** {@code REQUESTED}: written before the request left, and not yet confirmed either way. */
public enum RefundStatus {
    REQUESTED,
    DONE,
    FAILED
}
