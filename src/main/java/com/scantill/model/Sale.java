package com.scantill.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A sale attempt as the ledger holds it. Money is in satang. Only the payment code's last four digits are kept.
 *
 * @param method          the payment method the code was charged with
 * @param wallet          the wallet, once Omise's charge names it (an Alipay+ wallet, say), or {@code null}
 * @param expireRequested a supervisor asked for the charge to be expired
 * @param abandoned       the cashier stopped waiting for the customer
 * @param refundOwed      the charge was paid although the sale had been expired or abandoned: refund it
 * @param needsAttention  Omise does not know the sale's charge, however often it was looked for: a supervisor checks
 *                        it by hand; the till keeps looking, slowly
 * @param recoveredFromOmise the ledger had lost the sale and took it back from Omise's charge (made by this till, but
 *                        unknown here, after a power cut say), and no supervisor has confirmed it yet
 * @param version         how many times the sale's row was written before; a write from an older copy is refused
 */
public record Sale(
        String tillReference,
        String tillId,
        String operatorId,
        long amount,
        String currency,
        PaymentMethod method,
        String paymentCodeMasked,
        String wallet,
        String chargeId,
        SaleStatus status,
        String failureCode,
        String failureMessage,
        Long fee,
        Long feeVat,
        Long net,
        long refundedAmount,
        boolean expireRequested,
        boolean abandoned,
        boolean refundOwed,
        Instant createdAt,
        Instant paidAt,
        Instant expiredAt,
        Instant finishedAt,
        boolean needsAttention,
        boolean recoveredFromOmise,
        long version) {

    public Sale {
        Objects.requireNonNull(tillReference, "tillReference");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A sale written before anything is sent. */
    public static Sale created(String tillReference, String tillId, String operatorId, long amount, String currency,
                               PaymentMethod method, String paymentCodeMasked, Instant at) {
        return new Sale(tillReference, tillId, operatorId, amount, currency, method, paymentCodeMasked, null, null,
                SaleStatus.CREATED, null, null, null, null, null, 0, false, false, false, at, null, null, null, false, false, 0);
    }

    /** A sale the ledger had lost, taken back from the charge Omise holds for it; its state comes from the charge. */
    public static Sale recovered(String tillReference, String tillId, String operatorId, long amount, String currency,
                                 PaymentMethod method, String paymentCodeMasked, String wallet, String chargeId, Instant at) {
        return new Sale(tillReference, tillId, operatorId, amount, currency, method, paymentCodeMasked, wallet, chargeId,
                SaleStatus.PENDING, null, null, null, null, null, 0, false, false, false, at, null, null, null, false, true, 0);
    }

    /** The sale as written once more: what the ledger holds after an update of this copy. */
    public Sale written() {
        return new Sale(tillReference, tillId, operatorId, amount, currency, method, paymentCodeMasked, wallet, chargeId, status,
                failureCode, failureMessage, fee, feeVat, net, refundedAmount, expireRequested, abandoned, refundOwed, createdAt, paidAt,
                expiredAt, finishedAt, needsAttention, recoveredFromOmise, version + 1);
    }

    /** The payment code's last four digits: all of it that the ledger keeps unmasked. */
    public String paymentCodeLastFour() {
        return paymentCodeMasked.substring(Math.max(0, paymentCodeMasked.length() - 4));
    }

    public long refundableAmount() {
        return amount - refundedAmount;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes to a sale, made one field at a time. */
    public static final class Builder {
        private final Sale from;
        private String wallet;
        private String chargeId;
        private SaleStatus status;
        private String failureCode;
        private String failureMessage;
        private Long fee;
        private Long feeVat;
        private Long net;
        private long refundedAmount;
        private boolean expireRequested;
        private boolean abandoned;
        private boolean refundOwed;
        private Instant paidAt;
        private Instant expiredAt;
        private Instant finishedAt;
        private boolean needsAttention;
        private boolean recoveredFromOmise;

        private Builder(Sale from) {
            this.from = from;
            this.wallet = from.wallet;
            this.chargeId = from.chargeId;
            this.status = from.status;
            this.failureCode = from.failureCode;
            this.failureMessage = from.failureMessage;
            this.fee = from.fee;
            this.feeVat = from.feeVat;
            this.net = from.net;
            this.refundedAmount = from.refundedAmount;
            this.expireRequested = from.expireRequested;
            this.abandoned = from.abandoned;
            this.refundOwed = from.refundOwed;
            this.paidAt = from.paidAt;
            this.expiredAt = from.expiredAt;
            this.finishedAt = from.finishedAt;
            this.needsAttention = from.needsAttention;
            this.recoveredFromOmise = from.recoveredFromOmise;
        }

        public Builder wallet(String value) {
            this.wallet = value;
            return this;
        }

        public Builder chargeId(String value) {
            this.chargeId = value;
            return this;
        }

        public Builder status(SaleStatus value) {
            this.status = value;
            return this;
        }

        public Builder failure(String code, String message) {
            this.failureCode = code;
            this.failureMessage = message;
            return this;
        }

        public Builder fees(long newFee, long newFeeVat, long newNet) {
            this.fee = newFee;
            this.feeVat = newFeeVat;
            this.net = newNet;
            return this;
        }

        public Builder refundedAmount(long value) {
            this.refundedAmount = value;
            return this;
        }

        public Builder expireRequested(boolean value) {
            this.expireRequested = value;
            return this;
        }

        public Builder abandoned(boolean value) {
            this.abandoned = value;
            return this;
        }

        public Builder refundOwed(boolean value) {
            this.refundOwed = value;
            return this;
        }

        public Builder paidAt(Instant value) {
            this.paidAt = value;
            return this;
        }

        public Builder expiredAt(Instant value) {
            this.expiredAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            this.finishedAt = value;
            return this;
        }

        public Builder needsAttention(boolean value) {
            this.needsAttention = value;
            return this;
        }

        public Builder recoveredFromOmise(boolean value) {
            this.recoveredFromOmise = value;
            return this;
        }

        public Sale build() {
            return new Sale(from.tillReference, from.tillId, from.operatorId, from.amount, from.currency, from.method,
                    from.paymentCodeMasked, wallet, chargeId, status, failureCode, failureMessage, fee, feeVat, net,
                    refundedAmount, expireRequested, abandoned, refundOwed, from.createdAt, paidAt, expiredAt, finishedAt,
                    needsAttention, recoveredFromOmise, from.version);
        }
    }
}
