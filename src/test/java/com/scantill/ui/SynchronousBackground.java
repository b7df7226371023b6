package com.scantill.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The FX thread played by the test's own thread, so that view models are tested without a display or a wait:
 * background work runs at once; news handed over from another thread (the engine's) waits until the test lets it in
 * with {@link #runUntil}, so that the view model is only ever touched by one thread, as on the FX thread.
 */
final class SynchronousBackground implements BackgroundExecutor {

    /** For tests whose view models never hear from another thread. */
    static final SynchronousBackground INSTANCE = new SynchronousBackground();

    private final Thread fxThread = Thread.currentThread();
    private final BlockingQueue<Runnable> handedOver = new LinkedBlockingQueue<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onFxThread(Runnable step) {
        if (Thread.currentThread() == fxThread) {
            step.run();
        } else {
            handedOver.add(step);
        }
    }

    /** Lets in what other threads handed over, on this thread, until {@code condition} holds (at most 15 s). */
    void runUntil(BooleanSupplier condition) {
        await().pollInSameThread().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(1)).until(() -> {
            Runnable step = handedOver.poll(10, TimeUnit.MILLISECONDS);
            while (step != null) {
                step.run();
                step = handedOver.poll();
            }
            return condition.getAsBoolean();
        });
    }
}
