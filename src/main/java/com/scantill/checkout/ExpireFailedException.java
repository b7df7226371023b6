package com.scantill.checkout;

import com.scantill.model.Sale;

/** A supervisor's expiry did not happen; the sale is as {@link #sale()} says and the till keeps following it. */
public final class ExpireFailedException extends CheckoutRefusedException {

    private static final long serialVersionUID = 1L;

    /** Why the charge was not expired. */
    public enum Reason {
        /** Omise could not be reached, or gave no definite answer. */
        UNREACHABLE,
        /** Omise answered, but the charge is still pending. */
        STILL_PENDING,
        /** Omise does not know the charge: the sale needs a supervisor's attention. */
        UNKNOWN_CHARGE,
        /** Omise's answer does not match the sale: the sale needs a supervisor's attention. */
        UNTRUSTED_ANSWER,
        /** Omise refused the till's secret key. */
        KEY_REFUSED
    }

    private final Reason reason;
    private final transient Sale sale;

    public ExpireFailedException(Reason reason, Sale sale, Throwable cause) {
        super(new Refusal(Refusal.Reason.EXPIRE_FAILED, sale.tillReference(), sale.amount(), 0, sale.status(), reason.name()), cause);
        this.reason = reason;
        this.sale = sale;
    }

    public Reason reason() {
        return reason;
    }

    public Sale sale() {
        return sale;
    }
}
