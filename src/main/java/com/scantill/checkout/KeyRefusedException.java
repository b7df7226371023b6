package com.scantill.checkout;

/** A new sale is refused because Omise refused the till's secret key; nothing was written or sent. */
public final class KeyRefusedException extends CheckoutRefusedException {

    private static final long serialVersionUID = 1L;

    public KeyRefusedException() {
        super(Refusal.of(Refusal.Reason.KEY_REFUSED));
    }
}
