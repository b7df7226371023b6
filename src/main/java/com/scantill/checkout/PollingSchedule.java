package com.scantill.checkout;

import java.time.Duration;
import java.util.List;

/**
 * When to look at a pending charge again: often while the customer is most likely confirming, less often as the
 * wait grows, and backing off after errors. Time counts from the sale's start.
 *
 * @param firstPoll     the wait before the first look
 * @param steps         intervals by how long the sale has been going, in increasing order of {@code upTo}
 * @param thereafter    the interval past the last step
 * @param errorBackoff  the wait after a failed look, doubled after each further failure ...
 * @param maxErrorBackoff ... up to this
 */
public record PollingSchedule(Duration firstPoll, List<Step> steps, Duration thereafter, Duration errorBackoff,
                              Duration maxErrorBackoff) {

    public record Step(Duration upTo, Duration every) {
    }

    public PollingSchedule {
        steps = List.copyOf(steps);
        if (firstPoll.isNegative() || thereafter.isZero() || thereafter.isNegative()
                || steps.stream().anyMatch(step -> step.every().isZero() || step.every().isNegative())) {
            throw new IllegalArgumentException("polling intervals must be positive");
        }
    }

    /**
     * ScanTill's schedule. WeChat Pay suggests a look every 3–5 s and customers usually confirm within 5–20 s, so it
     * looks every second for the first 10 s, every 2 s to 30 s, every 3 s to a minute, then every 5 s.
     */
    public static PollingSchedule adaptive() {
        return new PollingSchedule(Duration.ofSeconds(1),
                List.of(new Step(Duration.ofSeconds(10), Duration.ofSeconds(1)),
                        new Step(Duration.ofSeconds(30), Duration.ofSeconds(2)),
                        new Step(Duration.ofSeconds(60), Duration.ofSeconds(3))),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /**
     * The safety net while the store pushes Omise's news of charges: a look every 10 s, in case a webhook is lost.
     * WeChat Pay closes an unpaid order after about 45 s, so a charge is still looked at four times before then.
     */
    public static PollingSchedule safetyNet() {
        return fixed(Duration.ofSeconds(10));
    }

    /** A look every {@code interval}, for comparison. */
    public static PollingSchedule fixed(Duration interval) {
        return new PollingSchedule(interval, List.of(), interval, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** The same schedule with every time divided by {@code divisor}: for tests and benchmarks that cannot wait. */
    public PollingSchedule dividedBy(long divisor) {
        return new PollingSchedule(firstPoll.dividedBy(divisor),
                steps.stream().map(step -> new Step(step.upTo().dividedBy(divisor), step.every().dividedBy(divisor))).toList(),
                thereafter.dividedBy(divisor), errorBackoff.dividedBy(divisor), maxErrorBackoff.dividedBy(divisor));
    }

    /** The wait before the next look, {@code sinceStart} into the sale. */
    public Duration nextDelay(Duration sinceStart) {
        for (Step step : steps) {
            if (sinceStart.compareTo(step.upTo()) < 0) {
                return step.every();
            }
        }
        return thereafter;
    }

    /** The wait after {@code consecutiveErrors} failed looks in a row; never shorter than the normal interval. */
    public Duration errorDelay(int consecutiveErrors, Duration sinceStart) {
        Duration backoff = errorBackoff.multipliedBy(1L << Math.min(Math.max(0, consecutiveErrors - 1), 20));
        if (backoff.compareTo(maxErrorBackoff) > 0) {
            backoff = maxErrorBackoff;
        }
        Duration normal = nextDelay(sinceStart);
        return backoff.compareTo(normal) > 0 ? backoff : normal;
    }
}
