package com.scantill.app;

/** What asking Omise for one charge told: it answers, it refuses the till's key, or it cannot be reached. */
public enum OmiseReach {
    REACHABLE,
    KEY_REFUSED,
    UNREACHABLE
}
