package com.scantill.operators;

/** A sign-in or an approval refused; the message is for the operator and never says which of id or PIN was wrong. */
public final class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInRefusedException(String message) {
        super(message);
    }
}
