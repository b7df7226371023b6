package com.scantill.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Decides which faults strike each request: queued one-off faults first, then random ones if set. */
public final class FaultInjector {

    private final Map<Route, Queue<Fault>> queued = new EnumMap<>(Route.class);
    private final boolean randomFaultsAllowed;
    private RandomFaults randomFaults;
    private Random random;

    FaultInjector(boolean randomFaultsAllowed) {
        this.randomFaultsAllowed = randomFaultsAllowed;
        for (Route route : Route.values()) {
            queued.put(route, new ConcurrentLinkedQueue<>());
        }
    }

    /** The next request on {@code route} suffers {@code fault}; several calls queue several faults. */
    public void once(Route route, Fault fault) {
        queued.get(route).add(fault);
    }

    /**
     * From now on every request may suffer a random fault; {@code null} stops them.
     *
     * @throws IllegalStateException in a training simulator, whose trainee must never meet a fault nobody asked for
     */
    public synchronized void randomly(RandomFaults faults) {
        if (faults != null && !randomFaultsAllowed) {
            throw new IllegalStateException("random faults are off in training");
        }
        this.randomFaults = faults;
        this.random = faults == null ? null : new Random(faults.seed());
    }

    /** How many faults queued with {@link #once} on {@code route} have not struck yet. */
    public int waiting(Route route) {
        return queued.get(route).size();
    }

    public synchronized void clear() {
        queued.values().forEach(Queue::clear);
        randomly(null);
    }

    List<Fault> faultsFor(Route route) {
        List<Fault> faults = new ArrayList<>();
        Fault queuedFault = queued.get(route).poll();
        if (queuedFault != null) {
            faults.add(queuedFault);
            return faults;
        }
        synchronized (this) {
            if (randomFaults != null && route != Route.NOT_FOUND) {
                drawRandom(faults);
            }
        }
        return faults;
    }

    private void drawRandom(List<Fault> faults) {
        if (random.nextDouble() < randomFaults.latencyRate()) {
            long maxMillis = Math.max(1, randomFaults.maxLatency().toMillis());
            faults.add(new Fault.Latency(Duration.ofMillis(1 + random.nextLong(maxMillis))));
        }
        double draw = random.nextDouble();
        double threshold = randomFaults.serverErrorRate();
        if (draw < threshold) {
            faults.add(random.nextBoolean() ? Fault.ErrorAnswer.serverError() : new Fault.GatewayPage(502));
            return;
        }
        threshold += randomFaults.rateLimitRate();
        if (draw < threshold) {
            faults.add(Fault.ErrorAnswer.rateLimited(Duration.ofSeconds(1)));
            return;
        }
        threshold += randomFaults.dropRate();
        if (draw < threshold) {
            faults.add(new Fault.DropConnection());
            return;
        }
        threshold += randomFaults.lostResponseRate();
        if (draw < threshold) {
            faults.add(new Fault.LoseResponse());
        }
    }
}
