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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
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
 * The keyboard wedge on a real scene with the amount field focused, keys fired one by one in real time at
 * scanner speed and at a person's speed.
 */
class KeyboardWedgeTest {

    private final FxRobot robot = new FxRobot();
    private final RecordingScanListener heard = new RecordingScanListener();
    private final List<Scan> scans = heard.scans;
    private final List<RejectedScan> rejected = heard.rejected;
    private final AtomicInteger defaultButtonFired = new AtomicInteger();
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
            charge.setOnAction(event -> defaultButtonFired.incrementAndGet());
            Scene scene = new Scene(new VBox(amount, charge), 300, 120);
            stage.setScene(scene);
            stage.show();
            amount.requestFocus();
            wedge = new KeyboardWedge(settings, dispatcher);
            wedge.attach(scene);
        });
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> wedge.detach());
        FxToolkit.cleanupStages();
    }

    /** Queued on the FX thread without waiting, so keys are as far apart as the test sleeps. */
    private void key(KeyCode code, String character) {
        Platform.runLater(() -> {
            Event.fireEvent(amount, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
            if (!character.isEmpty()) {
                Event.fireEvent(amount, new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, false, false, false, false));
            }
            Event.fireEvent(amount, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
        });
    }

    private void type(String text, long gapMillis, boolean keypad) throws InterruptedException {
        for (char c : text.toCharArray()) {
            KeyCode code = Character.isDigit(c)
                    ? KeyCode.valueOf((keypad ? "NUMPAD" : "DIGIT") + c)
                    : KeyCode.getKeyCode(String.valueOf(c).toUpperCase());
            key(code == null ? KeyCode.UNDEFINED : code, String.valueOf(c));
            Thread.sleep(gapMillis);
        }
    }

    private void enter() {
        key(KeyCode.ENTER, "\r");
    }

    @Test
    void aScanAtOneMillisecondACharacterNeverReachesTheFocusedField() throws Exception {
        show(WedgeSettings.defaults());

        type("130991292552725093", 1, false);
        enter();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
        assertThat(scans.get(0).scanner()).isEqualTo(KeyboardWedge.SCANNER_NAME);
        Thread.sleep(150);
        assertThat(robot.lookup("#amount").queryAs(TextField.class).getText()).isEmpty();
        assertThat(defaultButtonFired).hasValue(0);
    }

    @Test
    void aScanAtTwentyMillisecondsACharacterFromTheKeypadIsAScan() throws Exception {
        show(WedgeSettings.defaults());

        type("101234567890123456", 20, true);
        enter();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("101234567890123456");
        assertThat(amount.getText()).isEmpty();
    }

    @Test
    void aPersonTypingTheAmountIsNotSwallowed() throws Exception {
        show(WedgeSettings.defaults());

        type("1500", 120, false);
        Thread.sleep(120);
        type("25", 150, true);
        Thread.sleep(120);
        enter();

        await().atMost(Duration.ofSeconds(2)).until(() -> "150025".equals(amount.getText()));
        assertThat(scans).isEmpty();
        assertThat(defaultButtonFired).hasValue(1);
    }

    @Test
    void aScanAfterTheCashierTypedLeavesTheirTypingAlone() throws Exception {
        show(WedgeSettings.defaults());

        type("99", 120, false);
        Thread.sleep(150);
        type("130991292552725093", 2, false);
        enter();

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        Thread.sleep(150);
        assertThat(amount.getText()).isEqualTo("99");
    }

    @Test
    void aFastReadThatIsNotAPaymentCodeIsRejectedAndStaysOutOfTheField() throws Exception {
        show(WedgeSettings.defaults());

        type("12345678901", 2, false);
        enter();

        await().atMost(Duration.ofSeconds(2)).until(() -> rejected.size() == 1);
        assertThat(rejected.get(0).message()).startsWith("Not a WeChat Pay payment code").contains("*******8901");
        assertThat(amount.getText()).isEmpty();
        assertThat(scans).isEmpty();
    }

    @Test
    void aScannerSetToAPrefixAndASuffix() throws Exception {
        show(WedgeSettings.defaults().withPrefix("]Q").withTerminator(WedgeSettings.Terminator.SUFFIX, "#"));

        type("]Q130991292552725093#", 3, false);

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(scans.get(0).paymentCode().digits()).isEqualTo("130991292552725093");
        Thread.sleep(150);
        assertThat(amount.getText()).isEmpty();
    }

    @Test
    void aScannerEndingWithTab() throws Exception {
        show(WedgeSettings.defaults().withTerminator(WedgeSettings.Terminator.TAB, ""));

        type("130991292552725093", 5, false);
        key(KeyCode.TAB, "\t");

        await().atMost(Duration.ofSeconds(2)).until(() -> scans.size() == 1);
        assertThat(amount.isFocused()).isTrue();
    }
}
