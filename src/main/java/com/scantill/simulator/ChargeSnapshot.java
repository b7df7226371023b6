package com.scantill.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * What the simulator holds for a charge at one moment, for tests and benchmarks.
 *
 * @param statusChangedAt when the status last changed, to the millisecond (the API shows whole seconds)
 */
public record ChargeSnapshot(
        String id,
        long amount,
        String paymentCode,
        String sourceType,
        String status,
        String failureCode,
        long refundedAmount,
        int refundCount,
        Map<String, String> metadata,
        Instant createdAt,
        Instant statusChangedAt) {

    public String tillReference() {
        return metadata.get("till_reference");
    }
}
