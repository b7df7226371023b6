package com.scantill.checkout;

/** An operator's request the engine will not carry out; the message says why, in words for the operator. */
public class CheckoutRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckoutRefusedException(String message) {
        super(message);
    }

    public CheckoutRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
