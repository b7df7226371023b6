package com.scantill.checkout;

import com.scantill.model.SaleStatus;

/**
 * Why the engine or the end-of-day check would not do what an operator asked: what happened and the data it concerns.
 * Only the UI puts it in words, in the operator's language.
 *
 * @param tillReference the sale concerned, or {@code null}
 * @param amount        the money concerned (the amount keyed or asked to refund), or 0
 * @param available     what is left to refund, for {@link Reason#MORE_THAN_REFUNDABLE}; else 0
 * @param status        the sale's status, for {@link Reason#NOT_PAID}; else {@code null}
 * @param detail        what else the reason names (see each), or {@code null}
 */
public record Refusal(Reason reason, String tillReference, long amount, long available, SaleStatus status, String detail) {

    public enum Reason {
        /** Nobody is signed in. */
        NO_OPERATOR,
        /** The operator ({@code detail}) is unknown, disabled or of another till. */
        OPERATOR_MAY_NOT_WORK,
        /** The amount is outside the limits of User-Presented Mode charges. */
        AMOUNT_OUT_OF_LIMITS,
        /** The payment code is of a method ({@code detail}, its source type) not switched on at this till. */
        METHOD_NOT_ENABLED,
        /** An earlier sale's outcome is still being found out. */
        EARLIER_SALE_UNSETTLED,
        /** Omise refuses the till's secret key. */
        KEY_REFUSED,
        /** The payment code was already sent to Omise (see {@link PaymentCodeUsedException#earlier()}). */
        PAYMENT_CODE_USED,
        /** The till knows no such sale. */
        NO_SUCH_SALE,
        /** The sale has no charge yet to expire. */
        NO_CHARGE_YET,
        /** The sale was not taken back from Omise, so there is nothing to review. */
        NOT_WAITING_FOR_REVIEW,
        /** The sale is still being followed; it can be reviewed once final. */
        STILL_FOLLOWED,
        /** Only a paid sale can be refunded. */
        NOT_PAID,
        /** A refund of nothing, or less. */
        REFUND_NOT_POSITIVE,
        /** An earlier refund of the sale is still waiting for Omise's answer. */
        EARLIER_REFUND_UNANSWERED,
        /** More than is left of the sale to refund. */
        MORE_THAN_REFUNDABLE,
        /** The sale is older than Omise's refund window. */
        REFUND_WINDOW_PASSED,
        /** Omise refused the refund; {@code detail} holds Omise's own words. */
        REFUND_REFUSED_BY_OMISE,
        /** Omise did not answer about the refund; the till finds out whether it was made. */
        REFUND_OUTCOME_UNKNOWN,
        /** No valid approval of exactly this action; {@code detail} names the action. */
        NO_APPROVAL,
        /** A supervisor's expiry did not happen (see {@link ExpireFailedException#reason()}). */
        EXPIRE_FAILED,
        /** The end-of-day check has no such difference; {@code detail} is its id. */
        NO_SUCH_DIFFERENCE,
        /** The difference was settled already, by the supervisor in {@code detail}. */
        DIFFERENCE_SETTLED,
        /** Omise has no charge ({@code detail}) to take the state from. */
        NO_CHARGE_AT_OMISE,
        /** Omise's charge does not belong to the sale; {@code detail} says how it differs. */
        CHARGE_NOT_THE_SALES
    }

    static Refusal of(Reason reason) {
        return new Refusal(reason, null, 0, 0, null, null);
    }

    static Refusal ofSale(Reason reason, String tillReference) {
        return new Refusal(reason, tillReference, 0, 0, null, null);
    }

    static Refusal ofAmount(Reason reason, String tillReference, long amount) {
        return new Refusal(reason, tillReference, amount, 0, null, null);
    }

    static Refusal withDetail(Reason reason, String tillReference, String detail) {
        return new Refusal(reason, tillReference, 0, 0, null, detail);
    }

    static Refusal notPaid(String tillReference, SaleStatus status) {
        return new Refusal(Reason.NOT_PAID, tillReference, 0, 0, status, null);
    }

    static Refusal moreThanRefundable(String tillReference, long asked, long available) {
        return new Refusal(Reason.MORE_THAN_REFUNDABLE, tillReference, asked, available, null, null);
    }

    /** For the log, not for an operator. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(reason.name());
        if (tillReference != null) {
            text.append(" sale=").append(tillReference);
        }
        if (amount != 0) {
            text.append(" amount=").append(amount);
        }
        if (available != 0) {
            text.append(" available=").append(available);
        }
        if (status != null) {
            text.append(" status=").append(status);
        }
        if (detail != null) {
            text.append(" detail=").append(detail);
        }
        return text.toString();
    }
}
