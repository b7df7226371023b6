package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanDispatcher;
import com.scantill.scanner.WedgeSettings;
import com.scantill.testing.RecordingScanListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The keyboard wedge on a real scene with the amount field focused, fed the key events that real scanners and
 * keyboards send (keypad digits wrapped in NumLock, Shift around each character, a pause in a burst), timed by a
 * clock the test moves, so that every decision is exact however busy the machine is.
 */
class KeyboardWedgeTest {

    private static final long MS = 1_000_000L;

    private final FxRobot robot = new FxRobot();
    private final RecordingScanListener heard = new RecordingScanListener();
    private final List<Scan> scans = heard.scans;
    private final List<RejectedScan> rejected = heard.rejected;
    private final AtomicInteger defaultButtonFired = new AtomicInteger();
    private final List<String> fieldWhenDefaultButtonFired = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private TextField amount;
    private KeyboardWedge wedge;

    private void show(WedgeSettings settings) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ScanDispatcher dispatcher = new ScanDispatcher(Clock.systemUTC());
        dispatcher.addListener(heard);
        robot.interact(() -> {
            amount = new TextField();
            amount.setId("amount");
            Button charge = new Button("Charge");
            charge.setDefaultButton(true);
            charge.setOnAction(event -> {
                defaultButtonFired.incrementAndGet();
                fieldWhenDefaultButtonFired.add(amount.getText());
            });
            Scene scene = new Scene(new VBox(amount, charge), 300, 120);
            stage.setScene(scene);
            stage.show();
            amount.requestFocus();
            wedge = new KeyboardWedge(settings, dispatcher, clock::get);
            wedge.attach(scene);
        });
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> wedge.detach());
        FxToolkit.cleanupStages();
    }

    // --- key events as the FX thread gets them, at the test clock's time ---

    /** Keys and clock moves not yet handed to the FX thread: a burst goes in one go, timed by the test clock. */
    private final List<Runnable> pending = new ArrayList<>();

    private void after(long millis) {
        pending.add(() -> clock.addAndGet(millis * MS));
    }

    private void fire(KeyEvent event) {
        pending.add(() -> Event.fireEvent(amount.getScene().getFocusOwner(), event));
    }

    /** Hands the FX thread everything queued, in order, as one piece of work. */
    private void send() {
        List<Runnable> work = List.copyOf(pending);
        pending.clear();
        robot.interact(() -> work.forEach(Runnable::run));
    }

    private void press(KeyCode code, boolean shift) {
        fire(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false));
    }

    private void release(KeyCode code, boolean shift) {
        fire(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, shift, false, false, false));
    }

    private void typed(String character, boolean shift) {
        fire(new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, shift, false, false, false));
    }

    private void key(KeyCode code, String character) {
        press(code, false);
        if (!character.isEmpty()) {
            typed(character, false);
        }
        release(code, false);
    }

    private void digits(String text, long gapMillis, boolean keypad) {
        for (char c : text.toCharArray()) {
            after(gapMillis);
            key(KeyCode.valueOf((keypad ? "NUMPAD" : "DIGIT") + c), String.valueOf(c));
        }
    }

    private void enter(long afterMillis) {
        after(afterMillis);
        key(KeyCode.ENTER, "\r");
    }

    /** Lets the longest pause pass on the test clock, then waits for the wedge's timer to notice. */
    private void pause() throws InterruptedException {
        after(WedgeSettings.DEFAULT_MAX_PAUSE.toMillis() + 1);
        send();
        Thread.sleep(WedgeSettings.DEFAULT_MAX_PAUSE.toMillis() + 100);
        robot.interact(() -> { });
    }

    // --- scanners ---

    @Test
    void aScanAtScannerSpeedNeverReachesTheFocusedField() throws Exception {
        show(WedgeSettings.defaults());

        digits("130991292552725093", 1, false);
        enter(1);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
        assertThat(scans.get(0).scanner()).isEqualTo(KeyboardWedge.SCANNER_NAME);
        assertThat(amount.getText()).isEmpty();
        assertThat(defaultButtonFired).hasValue(0);
    }

    @Test
    void aKeypadScannerThatWrapsItsDigitsInNumLockIsOneScan() throws Exception {
        show(WedgeSettings.defaults());

        after(2);
        key(KeyCode.NUM_LOCK, "");
        digits("120131234567890121", 2, true);
        after(2);
        key(KeyCode.NUM_LOCK, "");
        enter(2);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("120131234567890121");
        assertThat(amount.getText()).as("no digit leaked into the amount").isEmpty();
        assertThat(rejected).isEmpty();
    }

    @Test
    void aScannerThatTogglesNumLockAroundEveryDigitIsOneScan() throws Exception {
        show(WedgeSettings.defaults());

        for (char c : "101234567890123456".toCharArray()) {
            after(1);
            key(KeyCode.NUM_LOCK, "");
            after(1);
            key(KeyCode.valueOf("NUMPAD" + c), String.valueOf(c));
            after(1);
            key(KeyCode.NUM_LOCK, "");
        }
        enter(1);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("101234567890123456");
        assertThat(amount.getText()).isEmpty();
    }

    @Test
    void shiftAndCapsLockInsideABurstDoNotBreakIt() throws Exception {
        show(WedgeSettings.defaults().withPrefix("]Q"));

        after(2);
        key(KeyCode.CAPS, "");
        after(2);
        press(KeyCode.SHIFT, true);
        press(KeyCode.CLOSE_BRACKET, true);
        typed("]", true);
        release(KeyCode.CLOSE_BRACKET, true);
        press(KeyCode.Q, true);
        typed("Q", true);
        release(KeyCode.Q, true);
        release(KeyCode.SHIFT, false);
        digits("130991292552725093", 2, false);
        after(2);
        key(KeyCode.CAPS, "");
        enter(2);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
        assertThat(amount.getText()).isEmpty();
    }

    @Test
    void aScanPausedInsideIsRefusedWithAMessageAndNothingReachesTheField() throws Exception {
        show(WedgeSettings.defaults());

        digits("13", 2, false);
        after(120);
        digits("0991292552725093", 2, false);
        enter(2);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> rejected.size() == 1);
        assertThat(rejected.get(0).reason()).isEqualTo(RejectedScan.Reason.CUT_SHORT);
        assertThat(scans).isEmpty();
        assertThat(amount.getText()).isEmpty();
        assertThat(defaultButtonFired).hasValue(0);
    }

    @Test
    void aFastReadThatIsNotAPaymentCodeIsRejectedAndStaysOutOfTheField() throws Exception {
        show(WedgeSettings.defaults());

        digits("12345678901", 2, false);
        enter(2);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> rejected.size() == 1);
        assertThat(rejected.get(0).reason()).isEqualTo(RejectedScan.Reason.NOT_A_PAYMENT_CODE);
        assertThat(rejected.get(0).echo()).contains("*******8901");
        assertThat(amount.getText()).isEmpty();
        assertThat(scans).isEmpty();
    }

    @Test
    void aScannerSetToAPrefixAndASuffix() throws Exception {
        show(WedgeSettings.defaults().withPrefix("]Q").withTerminator(WedgeSettings.Terminator.SUFFIX, "#"));

        for (char c : "]Q130991292552725093#".toCharArray()) {
            after(3);
            key(KeyCode.UNDEFINED, String.valueOf(c));
        }
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
        assertThat(amount.getText()).isEmpty();
    }

    @Test
    void aScannerEndingWithTabKeepsTheFocus() throws Exception {
        show(WedgeSettings.defaults().withTerminator(WedgeSettings.Terminator.TAB, ""));

        digits("130991292552725093", 5, false);
        after(5);
        key(KeyCode.TAB, "\t");
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(amount.isFocused()).isTrue();
    }

    // --- people ---

    @Test
    void aPersonTypingTheAmountThenEnterGetsTheAmountBeforeTheEnter() throws Exception {
        show(WedgeSettings.defaults());

        digits("1500", 120, false);
        after(120);
        digits("25", 150, true);
        enter(90);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> "150025".equals(amount.getText()));
        await().atMost(Duration.ofSeconds(2)).until(() -> defaultButtonFired.get() == 1);
        assertThat(fieldWhenDefaultButtonFired).containsExactly("150025");
        assertThat(scans).isEmpty();
        assertThat(rejected).isEmpty();
    }

    @Test
    void aPersonsBackspaceRightAfterTheirDigitsComesAfterThem() throws Exception {
        show(WedgeSettings.defaults());

        digits("158", 110, false);
        after(60);
        key(KeyCode.BACK_SPACE, "\b");
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> "15".equals(amount.getText()));
        assertThat(rejected).isEmpty();
    }

    @Test
    void aScanLongAfterTheCashierTypedLeavesTheirTypingAlone() throws Exception {
        show(WedgeSettings.defaults());

        digits("99", 120, false);
        pause();
        after(200);
        digits("130991292552725093", 2, false);
        enter(2);
        pause();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(amount.getText()).isEqualTo("99");
    }
}
