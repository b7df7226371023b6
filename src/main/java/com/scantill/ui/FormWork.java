package com.scantill.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Slow work behind a form (a PIN checked, an operator created): the form is marked busy and says so, the work runs
 * off the FX thread, and a failure is shown on the form in words. A second press while busy is ignored.
 */
final class FormWork {

    private final BackgroundExecutor background;
    private final ReadOnlyBooleanWrapper busy;
    private final Notice message;
    private final CashierMessages words;

    FormWork(BackgroundExecutor background, ReadOnlyBooleanWrapper busy, Notice message, CashierMessages words) {
        this.words = words;
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
            message.problem(words.of(failure));
        });
    }
}
