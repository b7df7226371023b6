package com.scantill.omise;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A charge as the API returns it. Amounts are in satang. Fields that only other payment methods fill
 * ({@code card}, {@code customer}, {@code dispute}, {@code schedule}, {@code link}, {@code branch},
 * {@code terminal}, {@code device}) are not read.
 */
public record Charge(
        String object,
        String id,
        String location,
        boolean livemode,
        long amount,
        String currency,
        long net,
        long fee,
        long feeVat,
        long interest,
        long interestVat,
        long fundingAmount,
        String fundingCurrency,
        long refundedAmount,
        TransactionFees transactionFees,
        PlatformFee platformFee,
        String acquirerReferenceNumber,
        String ip,
        ListPage<Refund> refunds,
        String description,
        Map<String, String> metadata,
        Source source,
        String transaction,
        String failureCode,
        String failureMessage,
        ChargeStatus status,
        String authorizeUri,
        String returnUri,
        Instant createdAt,
        Instant paidAt,
        Instant expiresAt,
        Instant expiredAt,
        Instant reversedAt,
        boolean zeroInterestInstallments,
        boolean authorized,
        boolean capturable,
        boolean capture,
        boolean disputable,
        boolean refundable,
        boolean partiallyRefundable,
        boolean reversed,
        boolean reversible,
        boolean voided,
        boolean paid,
        boolean expired) {

    public Charge {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        status = status == null ? ChargeStatus.UNKNOWN : status;
    }

    /** The till's own reference for the sale, as sent in {@code metadata}. */
    public String tillReference() {
        return metadata.get(CreateChargeRequest.TILL_REFERENCE_KEY);
    }

    /** The till that made the charge, as sent in {@code metadata}. */
    public String tillId() {
        return metadata.get(CreateChargeRequest.TILL_ID_KEY);
    }

    public long refundableAmount() {
        return amount - refundedAmount;
    }

    public record TransactionFees(BigDecimal feeFlat, BigDecimal feeRate, BigDecimal vatRate) {
    }

    public record PlatformFee(Long fixed, Long amount, BigDecimal percentage) {
    }
}
