package com.scantill.checkout;

/** The payment code is already being charged for a sale that has not finished. */
public final class DuplicateScanException extends CheckoutRefusedException {

    private static final long serialVersionUID = 1L;

    public DuplicateScanException(String message) {
        super(message);
    }
}
