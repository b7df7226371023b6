package com.scantill.checkout;

import com.scantill.model.Money;
import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.model.UpmRules;
import com.scantill.omise.Charge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a charge from Omise means for the sale it was made for: one rule for the engine and the reconciliation. */
final class SaleFromCharge {

    private SaleFromCharge() {
    }

    /** How the charge contradicts the sale (another id, amount, currency or till reference), if it does. */
    static Optional<String> mismatch(Sale sale, Charge charge) {
        List<String> differences = new ArrayList<>();
        if (charge.id() == null || sale.chargeId() != null && !sale.chargeId().equals(charge.id())) {
            differences.add("id " + charge.id() + " instead of " + sale.chargeId());
        }
        if (charge.amount() != sale.amount()) {
            differences.add("amount " + charge.amount() + " instead of " + sale.amount());
        }
        if (charge.currency() == null || !charge.currency().equalsIgnoreCase(sale.currency())) {
            differences.add("currency " + charge.currency() + " instead of " + sale.currency());
        }
        String sourceType = charge.source() == null ? null : charge.source().type();
        if (sourceType != null && !PaymentMethod.ofSourceType(sourceType).equals(sale.method())) {
            differences.add("payment method " + sourceType + " instead of " + sale.method());
        }
        if (!sale.tillReference().equals(charge.tillReference())) {
            differences.add("till reference " + charge.tillReference() + " instead of " + sale.tillReference());
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    /**
     * The sale as Omise's charge says it is now. A charge paid after the sale was expired, abandoned or settled as not
     * charged leaves a refund owed.
     */
    static Sale merged(Sale sale, Charge charge, Instant now) {
        SaleStatus status = switch (charge.status()) {
            case PENDING -> SaleStatus.PENDING;
            case SUCCESSFUL -> SaleStatus.SUCCESSFUL;
            case FAILED -> SaleStatus.FAILED;
            case EXPIRED -> SaleStatus.EXPIRED;
            case REVERSED -> SaleStatus.REVERSED;
            // A status this version does not know: keep following the charge.
            case UNKNOWN -> SaleStatus.PENDING;
        };
        Sale.Builder builder = sale.toBuilder()
                .chargeId(charge.id())
                .status(status)
                .fees(charge.fee(), charge.feeVat(), charge.net())
                .refundedAmount(Math.min(sale.amount(), Math.max(sale.refundedAmount(), charge.refundedAmount())))
                .wallet(wallet(charge).orElse(sale.wallet()))
                .needsAttention(false)
                // Only a failed charge has a failure; one kept from before (not created, say) would contradict Omise.
                .failure(null, null);
        switch (status) {
            case FAILED -> builder.failure(charge.failureCode(), charge.failureMessage());
            case SUCCESSFUL -> builder.paidAt(charge.paidAt() != null ? charge.paidAt() : now)
                    .refundOwed(sale.refundOwed() || sale.expireRequested() || sale.abandoned()
                            || sale.status() == SaleStatus.NOT_CREATED);
            case EXPIRED -> builder.expiredAt(charge.expiredAt() != null ? charge.expiredAt() : now);
            default -> { }
        }
        builder.finishedAt(status.isFinal() ? (sale.finishedAt() != null && sale.status() == status ? sale.finishedAt() : now) : null);
        return builder.build();
    }

    /** The event's words for what merging a charge changed: the status, a failure, a refund owed and why. */
    static String change(Sale before, Sale after) {
        String detail = before.status() == after.status() ? after.status().name() : before.status() + " -> " + after.status();
        if (after.failureCode() != null && after.status() == SaleStatus.FAILED) {
            detail += ": " + after.failureCode();
        }
        if (after.refundOwed() && !before.refundOwed()) {
            detail += "; paid after the sale was " + (before.expireRequested() ? "expired" : before.abandoned()
                    ? "abandoned" : "settled as not charged") + ": refund " + Money.format(after.refundableAmount());
        }
        return detail;
    }

    /** The wallet Omise's charge names, if it names one. */
    static Optional<String> wallet(Charge charge) {
        String provider = charge.source() == null ? null : charge.source().provider();
        return provider == null || provider.isBlank() ? Optional.empty() : Optional.of(provider.strip());
    }

    /** The customer's whole payment code, when Omise's answer holds it (the source's barcode). */
    static Optional<PaymentCode> paymentCode(Charge charge) {
        String barcode = charge.source() == null ? null : charge.source().barcode();
        return barcode != null && PaymentCode.isValid(barcode) ? Optional.of(PaymentCode.parse(barcode)) : Optional.empty();
    }

    /**
     * A sale the ledger lacks, made from its charge: its till, operator and reference from the charge's metadata, its
     * state still to be merged from the charge.
     */
    static Sale recovered(Charge charge, String tillId, Instant now) {
        String barcode = charge.source() == null ? null : charge.source().barcode();
        String masked = paymentCode(charge).map(PaymentCode::masked).orElse(barcode == null ? "unknown" : PaymentCode.mask(barcode));
        return Sale.recovered(charge.tillReference(), tillId, charge.metadata().getOrDefault(CheckoutEngine.OPERATOR_ID_KEY, "unknown"),
                charge.amount(), charge.currency() == null ? UpmRules.CURRENCY : charge.currency().toUpperCase(Locale.ROOT),
                PaymentMethod.ofSourceType(charge.source() == null ? null : charge.source().type()), masked,
                wallet(charge).orElse(null), charge.id(), charge.createdAt() != null ? charge.createdAt() : now);
    }
}
