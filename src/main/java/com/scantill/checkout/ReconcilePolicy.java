package com.scantill.checkout;

import java.time.Duration;

/**
 * How a charge whose creation answer was lost is looked for: {@code lookups} searches of the recent charges,
 * {@code interval} apart, before deciding that it was never created. A charge may be recorded a little after its
 * request timed out, hence several searches. {@code clockMargin} widens the search for a till clock that is off.
 */
public record ReconcilePolicy(int lookups, Duration interval, Duration clockMargin) {

    public ReconcilePolicy {
        if (lookups < 1 || interval.isNegative() || clockMargin.isNegative()) {
            throw new IllegalArgumentException("at least one lookup, and no negative durations");
        }
    }

    public static ReconcilePolicy standard() {
        return new ReconcilePolicy(6, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }
}
