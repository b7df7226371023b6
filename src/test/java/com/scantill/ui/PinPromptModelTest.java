package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.Role;
import com.scantill.operators.Operator;
import com.scantill.operators.Operators;
import com.scantill.operators.PinHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's prompt gives an approval to the request it showed, or to none: the PIN check is slow, and the
 * cashier may cancel, or ask for something else, before it ends.
 */
class PinPromptModelTest {

    private static final ApprovalRequest EXPIRE_A = new ApprovalRequest(ApprovalRequest.Action.EXPIRE, "till-1-A", 80_000);
    private static final ApprovalRequest REFUND_B = new ApprovalRequest(ApprovalRequest.Action.REFUND, "till-1-B", 150_000);

    @TempDir
    Path dataFolder;

    /** Background work held until the test lets it finish: the PIN check "takes time". */
    private final List<Runnable> held = new ArrayList<>();
    private final BackgroundExecutor later = new BackgroundExecutor() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> SynchronousBackground.INSTANCE.run(work, onSuccess, onFailure));
        }

        @Override
        public void onFxThread(Runnable step) {
            step.run();
        }
    };
    private final List<String> carriedOut = new ArrayList<>();
    private Ledger ledger;
    private PinPromptModel prompt;

    @BeforeEach
    void open() {
        ledger = Ledger.open(dataFolder);
        Operators operators = new Operators(ledger.operators(), new PinHasher(1_000), Clock.systemUTC());
        Operator manager = operators.createFirstManager("malee", "Malee", "135790".toCharArray());
        operators.add(manager, "wanida", "Wanida", Role.SUPERVISOR, "864213".toCharArray());
        prompt = new PinPromptModel(operators, later, TestWords.ENGLISH);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private Consumer<Approval> carryOut(String what) {
        return approval -> carriedOut.add(what + " approved by " + approval.approverId() + " for " + approval.request());
    }

    private void supervisorTypes(String id, String pin) {
        prompt.operatorIdProperty().set(id);
        prompt.pinProperty().set(pin);
        prompt.submit();
    }

    private void pinCheckEnds() {
        List<Runnable> work = List.copyOf(held);
        held.clear();
        work.forEach(Runnable::run);
    }

    @Test
    void anApprovalGoesToTheRequestItWasAskedFor() {
        prompt.ask("Expire sale A", EXPIRE_A, carryOut("EXPIRE A"));
        supervisorTypes("wanida", "864213");
        pinCheckEnds();

        assertThat(carriedOut).containsExactly("EXPIRE A approved by wanida for " + EXPIRE_A);
        assertThat(prompt.showingProperty().get()).isFalse();
    }

    @Test
    void aCancelledPromptCarriesNothingOutEvenWhenThePinWasRight() {
        prompt.ask("Expire sale A", EXPIRE_A, carryOut("EXPIRE A"));
        supervisorTypes("wanida", "864213");
        prompt.cancel();
        pinCheckEnds();

        assertThat(carriedOut).isEmpty();
    }

    @Test
    void anApprovalForSaleAIsNeverUsedForTheRefundOfSaleBAskedMeanwhile() {
        prompt.ask("Expire sale A", EXPIRE_A, carryOut("EXPIRE A"));
        supervisorTypes("wanida", "864213");
        prompt.cancel();
        prompt.ask("Refund ฿1,500.00 of sale B", REFUND_B, carryOut("REFUND B"));
        pinCheckEnds();

        assertThat(carriedOut).isEmpty();
        assertThat(prompt.showingProperty().get()).as("B still waits for its own PIN").isTrue();
        supervisorTypes("wanida", "864213");
        pinCheckEnds();
        assertThat(carriedOut).containsExactly("REFUND B approved by wanida for " + REFUND_B);
    }
}
