package com.scantill.checkout;

/**
 * An operator's request the engine will not carry out; nothing was written or sent unless the {@link Refusal} says
 * otherwise. The message is for the log; the UI words {@link #refusal()} for the operator.
 */
public class CheckoutRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public CheckoutRefusedException(Refusal refusal) {
        this(refusal, null);
    }

    public CheckoutRefusedException(Refusal refusal, Throwable cause) {
        super(refusal.toString(), cause);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
