package com.scantill.omise;

import com.scantill.model.Money;
import com.scantill.model.UpmRules;

/**
 * A refund to create, full or partial.
 *
 * @param tillReference the till's own reference for the refund, sent in {@code metadata} so that a refund
 *                      whose answer was lost is found instead of being sent twice
 */
public record CreateRefundRequest(long amount, String tillReference) {

    public static final String TILL_REFERENCE_KEY = "till_refund_reference";

    public CreateRefundRequest {
        if (amount <= 0) {
            throw new InvalidRequestException("amount", "A refund must be for more than ฿0.00.");
        }
        if (amount > UpmRules.MAX_AMOUNT_SATANG) {
            // No charge is larger, so no refund can be: it is refused here rather than sent.
            throw new InvalidRequestException("amount", "A refund is at most " + Money.format(UpmRules.MAX_AMOUNT_SATANG)
                    + ", the most a charge can be.");
        }
        TillReference.requireValid("till_refund_reference", tillReference);
    }
}
