package com.scantill.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator's time: the system clock, moved forward on request so that tests can reach day 91. */
final class SimulatorClock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    SimulatorClock(Clock base) {
        this.base = base;
    }

    Instant now() {
        return base.instant().plus(offset.get());
    }

    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulator's clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }
}
