package com.scantill.checkout;

import com.scantill.model.ApprovalRequest;

/** An action needing a supervisor came without a valid approval of exactly that action; nothing was written or sent. */
public final class ApprovalRefusedException extends CheckoutRefusedException {

    private static final long serialVersionUID = 1L;

    public ApprovalRefusedException(ApprovalRequest request) {
        super(new Refusal(Refusal.Reason.NO_APPROVAL, request.tillReference(), request.amount(), 0, null,
                request.action().name()));
    }
}
