package com.scantill.checkout;

/** An action needing a supervisor came without a valid approval of exactly that action; nothing was written or sent. */
public final class ApprovalRefusedException extends CheckoutRefusedException {

    private static final long serialVersionUID = 1L;

    public ApprovalRefusedException(String what) {
        super("no valid approval for " + what);
    }
}
