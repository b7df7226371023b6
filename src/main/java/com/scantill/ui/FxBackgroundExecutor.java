package com.scantill.ui;

import com.scantill.model.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background work on a small pool of daemon threads; results delivered with {@link Platform#runLater}. */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, DaemonThreads.named("scantill-background"));

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            // The till is closing: nothing is left to show the result on.
            return;
        }
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onFxThread(Runnable step) {
        Platform.runLater(step);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
