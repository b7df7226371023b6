package com.scantill.ui;

import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What a supervisor approves on the till screen, done one way: their PIN for exactly this request, the engine's work,
 * then its outcome in words on the FX thread.
 */
final class ApprovedActions {

    private final PinPromptModel pinPrompt;
    private final BackgroundExecutor background;
    private final Notice message;
    private final CashierMessages words;

    ApprovedActions(PinPromptModel pinPrompt, BackgroundExecutor background, Notice message, CashierMessages words) {
        this.pinPrompt = pinPrompt;
        this.background = background;
        this.message = message;
        this.words = words;
    }

    /**
     * Asks for a supervisor's PIN; once approved, says {@code working}, runs {@code action} and tells its outcome:
     * {@code done} with the result, or the refusal in words. {@code afterwards} runs either way.
     */
    <T> void ask(String why, ApprovalRequest request, String working, Function<Approval, CompletionStage<T>> action,
                 BiConsumer<T, Approval> done, Runnable afterwards) {
        pinPrompt.ask(why, request, approval -> {
            message.info(working);
            CompletionStage<T> outcome;
            try {
                outcome = action.apply(approval);
            } catch (RuntimeException refused) {
                message.problem(words.of(refused));
                afterwards.run();
                return;
            }
            background.whenDone(outcome, result -> {
                done.accept(result, approval);
                afterwards.run();
            }, failure -> {
                message.problem(words.of(failure));
                afterwards.run();
            });
        });
    }
}
