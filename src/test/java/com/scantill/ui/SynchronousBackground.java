package com.scantill.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work done at once on the caller's thread, so that view models are tested without waiting. */
final class SynchronousBackground implements BackgroundExecutor {

    static final SynchronousBackground INSTANCE = new SynchronousBackground();

    private SynchronousBackground() {
    }

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
}
