package com.scantill.ui;

import static org.awaitility.Awaitility.await;

import com.scantill.app.TillRuntime;
import com.scantill.ledger.Ledger;
import com.scantill.model.Role;
import com.scantill.operators.Operators;
import com.scantill.operators.PinHasher;
import com.scantill.simulator.OmiseSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Drives the real application headless, as a cashier, a supervisor and a manager would: training mode against its
 * embedded simulator, quick timings, and three operators (malee the manager, wanida the supervisor, somchai the
 * cashier) when asked for.
 */
final class TillDriver implements AutoCloseable {

    final FxRobot robot = new FxRobot();
    final Path dataFolder;
    private Application application;
    TillRuntime runtime;

    TillDriver(Path dataFolder) throws Exception {
        this.dataFolder = dataFolder;
        Files.createDirectories(dataFolder);
        Files.writeString(dataFolder.resolve("settings.properties"), """
                checkout.pendingLimitSeconds=1
                training.customerConfirmSeconds=0.3
                operators.pinHashIterations=1000
                ui.language=en
                """);
        System.setProperty("scantill.home", dataFolder.toString());
        FxToolkit.registerPrimaryStage();
    }

    void createOperators() {
        createOperators(trainingFolder());
    }

    /** The three operators in the ledger of the mode whose folder is {@code modeFolder} (test mode's, say). */
    void createOperators(Path modeFolder) {
        try (Ledger ledger = Ledger.open(modeFolder)) {
            Operators operators = new Operators(ledger.operators(), new PinHasher(1_000), Clock.systemUTC());
            var manager = operators.createFirstManager("malee", "Malee", "135790".toCharArray());
            operators.add(manager, "wanida", "Wanida", Role.SUPERVISOR, "864213".toCharArray());
            operators.add(manager, "somchai", "Somchai", Role.CASHIER, "4321".toCharArray());
        }
    }

    /** Where training mode keeps its ledger, backups and reports. */
    Path trainingFolder() {
        return dataFolder.resolve("training");
    }

    void launch() throws Exception {
        application = FxToolkit.setupApplication(ScanTillApplication.class);
        ((ScanTillApplication) application).ready().get(60, TimeUnit.SECONDS);
        runtime = ((ScanTillApplication) application).runtime();
    }

    /** A till with its three operators, one of them signed in at the till screen. */
    void launchSignedIn(String id, String pin) throws Exception {
        createOperators();
        launch();
        signIn(id, pin);
        awaitText("#operatorStatus", text -> !text.equals("Nobody signed in"));
    }

    /** The till's window at the size of a till's screen. */
    void resize(int width, int height) {
        robot.interact(() -> {
            Stage stage = (Stage) scene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    /** Stops the till as a cashier closing it would, and starts it again on the same data folder. */
    void restart() throws Exception {
        restart(() -> { });
    }

    /** Stops the till, does {@code whileStopped} to its data folder, and starts it again. */
    void restart(Runnable whileStopped) throws Exception {
        FxToolkit.cleanupApplication(application);
        application = null;
        whileStopped.run();
        launch();
    }

    /** Adds settings to the till's settings file, before it is launched. */
    void set(String settingLines) throws Exception {
        Files.writeString(dataFolder.resolve("settings.properties"), settingLines + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("scantill.home");
    }

    OmiseSimulator simulator() {
        return runtime.connection().trainingSimulator().orElseThrow();
    }

    Scene scene() {
        return robot.listTargetWindows().stream().filter(Window::isShowing).filter(Stage.class::isInstance)
                .findFirst().orElseThrow().getScene();
    }

    /** Sets a field's text directly: only for what a test prepares, never for what a person does. */
    void fill(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    /** The gap between a person's keystrokes: slower than any scanner, as a cashier types. */
    private static final long TYPING_GAP_MILLIS = 70;

    /** Types {@code text} key by key, as a person does, into whatever has the focus. */
    void type(String text) {
        for (char c : text.toCharArray()) {
            KeyCode key = switch (c) {
                case '.' -> KeyCode.PERIOD;
                case ',' -> KeyCode.COMMA;
                case '-', '_' -> KeyCode.MINUS;
                case ' ' -> KeyCode.SPACE;
                case '/' -> KeyCode.SLASH;
                default -> Character.isDigit(c) ? KeyCode.valueOf("DIGIT" + c) : KeyCode.valueOf(String.valueOf(c).toUpperCase());
            };
            if (Character.isUpperCase(c) || c == '_') {
                robot.press(KeyCode.SHIFT).type(key).release(KeyCode.SHIFT);
            } else {
                robot.type(key);
            }
            robot.sleep(TYPING_GAP_MILLIS);
        }
    }

    /** Moves the focus with Tab to the field {@code id} and types {@code text} over whatever it held. */
    void typeInto(String id, String text) {
        focus(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.sleep(TYPING_GAP_MILLIS);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            type(text);
        }
    }

    /** Tabs until {@code id} has the focus, as a keyboard user does. */
    void focus(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(id).tryQuery().filter(Node::isVisible).isPresent());
        Node target = robot.lookup(id).query();
        for (int i = 0; i < 30 && !target.isFocused(); i++) {
            robot.type(KeyCode.TAB);
            robot.sleep(TYPING_GAP_MILLIS);
        }
        if (!target.isFocused()) {
            throw new AssertionError("Tab never reaches " + id);
        }
    }

    void click(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(id).tryQuery()
                .filter(Node::isVisible).filter(node -> !node.isDisabled()).isPresent());
        robot.clickOn(id);
    }

    void press(KeyCode key) {
        robot.type(key);
    }

    String text(String id) {
        Node node = robot.lookup(id).query();
        if (node instanceof WrappedText money) {
            return money.getText();
        }
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    void awaitText(String id, Predicate<String> condition) {
        await().atMost(Duration.ofSeconds(15)).until(() -> robot.lookup(id).tryQuery().isPresent()
                && robot.lookup(id).query().isVisible() && condition.test(text(id)));
    }

    /** Signs in by keys: the id, Enter (to the PIN), the PIN, Enter. */
    void signIn(String id, String pin) {
        awaitText("#signInId", text -> true);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#signInId").query().isFocused()
                || robot.lookup("#signInPin").query().isFocused());
        typeInto("#signInId", id);
        press(KeyCode.ENTER);
        awaitFocus("#signInPin");
        type(pin);
        press(KeyCode.ENTER);
    }

    void awaitFocus(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(id).tryQuery().map(Node::isFocused).orElse(false));
    }

    /**
     * The scanner types the code and Enter into whatever has the focus, in one burst that the FX thread handles at
     * once, as it does a USB report of several keys: no pause of the test's own thread can break it up.
     */
    void scan(String code) {
        Scene scene = scene();
        Platform.runLater(() -> {
            for (char c : (code + "\r").toCharArray()) {
                KeyCode key = c == '\r' ? KeyCode.ENTER : KeyCode.valueOf("DIGIT" + c);
                Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, false, false, false, false));
            }
        });
    }

    /** Keys the amount into the focused amount field, waits until the till asks for the code, and scans it. */
    void sell(String amount, String code) {
        awaitText("#amountField", text -> true);
        awaitFocus("#amountField");
        typeInto("#amountField", amount);
        awaitText("#amountMessage", text -> text.startsWith("Scan") || text.startsWith("สแกน"));
        scan(code);
    }

    /** The supervisor's approval by keys: the prompt has the focus on the id; id, Enter, PIN, Enter. */
    void approveAsSupervisor(String id, String pin) {
        awaitText("#pinReason", text -> !text.isEmpty());
        typeInto("#pinOperator", id);
        press(KeyCode.ENTER);
        awaitFocus("#pinField");
        type(pin);
        press(KeyCode.ENTER);
    }
}
