package com.scantill.model;

/** What was read is not a payment code of any format the till knows; the message carries only a masked echo of it. */
public final class InvalidPaymentCodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPaymentCodeException(String message) {
        super(message);
    }
}
