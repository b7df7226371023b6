package com.scantill.checkout;

import com.scantill.model.Sale;

/**
 * The payment code was already sent to Omise for an earlier sale, whatever became of it: payment codes are single
 * use, so the customer must refresh it. Nothing was written or sent.
 */
public final class PaymentCodeUsedException extends CheckoutRefusedException {

    private static final long serialVersionUID = 1L;

    private final transient Sale earlier;

    public PaymentCodeUsedException(Sale earlier) {
        super(new Refusal(Refusal.Reason.PAYMENT_CODE_USED, earlier.tillReference(), earlier.amount(), 0, earlier.status(),
                earlier.paymentCodeMasked()));
        this.earlier = earlier;
    }

    /** The sale the code was used for. */
    public Sale earlier() {
        return earlier;
    }
}
