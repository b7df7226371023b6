package com.scantill.model;

import java.time.Instant;

/**
 * A refund of a sale, in the ledger.
 *
 * @param refundId    Omise's id once the refund is made, else {@code null}
 * @param approvedBy  the supervisor whose PIN approved it
 */
public record RefundRecord(
        String refundReference,
        String tillReference,
        long amount,
        RefundStatus status,
        String refundId,
        String operatorId,
        String approvedBy,
        String failureCode,
        Instant requestedAt,
        Instant finishedAt) {

    public RefundRecord done(String newRefundId, Instant at) {
        return new RefundRecord(refundReference, tillReference, amount, RefundStatus.DONE, newRefundId, operatorId,
                approvedBy, null, requestedAt, at);
    }

    public RefundRecord failed(String code, Instant at) {
        return new RefundRecord(refundReference, tillReference, amount, RefundStatus.FAILED, null, operatorId,
                approvedBy, code, requestedAt, at);
    }
}
