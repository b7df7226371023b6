package com.scantill.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The view models' only way between threads: work off the FX thread with its result handed back on it, and news
 * from other threads (the engine's, the scanner's) handed to it. Tests run it on their own thread.
 */
public interface BackgroundExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code step} on the FX thread. */
    void onFxThread(Runnable step);

    /** Hands the outcome of work already under way elsewhere (an engine's future) to the FX thread, its cause unwrapped. */
    default <T> void whenDone(CompletionStage<T> stage, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        stage.whenComplete((result, failure) -> onFxThread(() -> {
            if (failure == null) {
                onSuccess.accept(result);
            } else {
                onFailure.accept(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        }));
    }
}
