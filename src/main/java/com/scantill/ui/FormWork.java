package com.scantill.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Slow work behind a form (a PIN checked, an operator created): the form is marked busy and says so, the work runs
 * off the FX thread, and a failure's message is shown on the form. A second press while busy is ignored.
 */
final class FormWork {

    private final BackgroundExecutor background;
    private final ReadOnlyBooleanWrapper busy;
    private final Notice message;

    FormWork(BackgroundExecutor background, ReadOnlyBooleanWrapper busy, Notice message) {
        this.background = background;
        this.busy = busy;
        this.message = message;
    }

    <T> void run(String saying, Callable<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.info(saying);
        background.run(work, result -> {
            busy.set(false);
            message.clear();
            done.accept(result);
        }, failure -> {
            busy.set(false);
            message.problem(failure.getMessage());
        });
    }
}
