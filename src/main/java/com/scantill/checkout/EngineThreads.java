package com.scantill.checkout;

import com.scantill.model.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's threads: one that only keeps time, and workers that run the steps. A step may wait on Omise for as
 * long as the client lets it (a slow answer, a {@code Retry-After}); it has a worker of its own meanwhile, so no
 * sale's step waits behind another's.
 */
final class EngineThreads {

    private static final Logger log = LoggerFactory.getLogger(EngineThreads.class);

    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService workers;
    private volatile boolean closed;

    EngineThreads(String tillId) {
        this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("checkout-" + tillId + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.workers = Executors.newCachedThreadPool(DaemonThreads.named("checkout-" + tillId));
    }

    boolean closed() {
        return closed;
    }

    /** A closed engine writes and sends nothing more, as if the till had stopped; the next start resumes. */
    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the checkout engine is closed");
        }
    }

    void execute(Runnable step) {
        try {
            workers.execute(step);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the next start resumes whatever the step was for.
            log.debug("A step came after the close", e);
        }
    }

    ScheduledFuture<?> schedule(Runnable step, Duration delay) {
        return timer.schedule(() -> handOff(step), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    void repeat(Runnable work, Duration every) {
        timer.scheduleWithFixedDelay(() -> handOff(work), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, workers);
    }

    private void handOff(Runnable step) {
        if (!closed) {
            execute(step);
        }
    }

    /** Stops every step; one still waiting for Omise after two seconds writes nothing more. */
    void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Checkout work still waiting for Omise at close; it will write nothing more");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
