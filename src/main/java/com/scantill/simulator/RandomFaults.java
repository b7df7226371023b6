package com.scantill.simulator;

import java.time.Duration;

/**
 * Faults drawn at random for every request, from a seeded generator so that a soak run can be repeated.
 * Each rate is a probability from 0 to 1; at most one of the disruptive faults strikes a request, and latency of
 * up to {@code maxLatency} may come on top.
 */
public record RandomFaults(
        long seed,
        double latencyRate,
        Duration maxLatency,
        double serverErrorRate,
        double rateLimitRate,
        double dropRate,
        double lostResponseRate) {

    public RandomFaults {
        double disruptive = serverErrorRate + rateLimitRate + dropRate + lostResponseRate;
        if (latencyRate < 0 || latencyRate > 1 || serverErrorRate < 0 || rateLimitRate < 0 || dropRate < 0
                || lostResponseRate < 0 || disruptive > 1) {
            throw new IllegalArgumentException("fault rates are probabilities that add up to at most 1");
        }
    }
}
