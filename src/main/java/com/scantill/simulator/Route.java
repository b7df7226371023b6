package com.scantill.simulator;

/** The operations the simulator serves, as faults and the request log name them. */
public enum Route {
    CREATE_CHARGE,
    RETRIEVE_CHARGE,
    LIST_CHARGES,
    EXPIRE_CHARGE,
    CREATE_REFUND,
    RETRIEVE_REFUND,
    LIST_REFUNDS,
    MARK_AS_PAID,
    MARK_AS_FAILED,
    NOT_FOUND
}
