package com.scantill.operators;

/** A stored PIN hash that cannot be read: the PIN cannot be checked until a manager resets it. */
public final class DamagedPinRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DamagedPinRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
