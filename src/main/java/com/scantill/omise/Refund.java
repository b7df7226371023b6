package com.scantill.omise;

import java.time.Instant;
import java.util.Map;

public record Refund(
        String object,
        String id,
        String location,
        boolean livemode,
        long amount,
        String currency,
        long fundingAmount,
        String fundingCurrency,
        String charge,
        String transaction,
        Map<String, String> metadata,
        boolean voided,
        String status,
        Instant createdAt) {

    public Refund {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The till's own reference for this refund, as sent in {@code metadata}. */
    public String tillReference() {
        return metadata.get(CreateRefundRequest.TILL_REFERENCE_KEY);
    }
}
