package com.scantill.model;

/** What an operator may do; each role may do everything the ones before it may. */
public enum Role {
    CASHIER,
    SUPERVISOR,
    MANAGER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
