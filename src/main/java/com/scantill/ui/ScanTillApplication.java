package com.scantill.ui;

import com.scantill.app.Settings;
import com.scantill.app.SettingsStore;
import com.scantill.app.TillRuntime;
import com.scantill.ledger.LedgerInUseException;
import com.scantill.words.Language;
import com.scantill.words.TypeFace;
import com.scantill.words.Words;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till. Without a secret key configured it runs in training mode against the embedded simulator. Its window shows
 * at once, saying it is starting; the settings, the ledger, Omise's connection and the simulator are opened on a
 * thread of their own meanwhile, and the till's screen takes the window once they are. No scan is taken before:
 * nothing listens for one until the till's screen is there.
 */
public final class ScanTillApplication extends Application {

    private volatile TillRuntime runtime;
    private TillUi ui;
    private volatile String startupProblem;
    private FxBackgroundExecutor background;
    private Thread closeOnSignal;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    /** The logger, in a class of its own: logging is set up at its first use, on the opening thread, after the window shows. */
    private static final class Logging {
        static final Logger log = LoggerFactory.getLogger(ScanTillApplication.class);
    }

    @Override
    public void start(Stage stage) {
        // The stage may have shown a till before (a restart in the same process): its title follows this one now.
        stage.titleProperty().unbind();
        stage.setTitle("ScanTill");
        // Two small files: loaded first, so that the starting window's Thai is drawn, not boxes.
        Fonts.load();
        stage.setScene(new Scene(startingView(), 1024, 768));
        stage.show();
        background = new FxBackgroundExecutor();
        Thread opening = new Thread(() -> {
            open();
            Platform.runLater(() -> showTill(stage));
        }, "scantill-opening");
        opening.setDaemon(true);
        opening.start();
    }

    /** Done once the till's screen (or why it cannot start) has taken the window: for tests that drive it. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** On the opening thread: the settings, the ledger, Omise's connection and the simulator. */
    private void open() {
        try {
            Settings settings = SettingsStore.forThisMachine().load();
            runtime = TillRuntime.open(settings);
            // Ctrl+C in a terminal, or the system shutting down: the ledger is closed on the way out all the same.
            closeOnSignal = new Thread(runtime::close, "scantill-close-on-signal");
            Runtime.getRuntime().addShutdownHook(closeOnSignal);
            Logging.log.info("ScanTill starting: till {}, {} mode, API {}", settings.tillId(), runtime.connection().mode(),
                    runtime.connection().apiUrl());
        } catch (LedgerInUseException e) {
            Logging.log.error(e.getMessage());
            startupProblem = e.getMessage() + "\n\n" + Words.of(Language.TH, ZoneOffset.UTC).get("startup.inUse");
        } catch (RuntimeException e) {
            // A settings file a person got wrong, a data folder that cannot be written: say what, do not crash.
            startupProblem = inBothLanguages("startup.problem", e.getMessage());
            Logging.log.error("ScanTill cannot start", e);
        } finally {
            opened.complete(null);
        }
    }

    private void showTill(Stage stage) {
        if (runtime == null) {
            Scene scene = new Scene(startupProblemView(), 640, 240);
            scene.getStylesheets().add(ScanTillApplication.class.getResource("scantill.css").toExternalForm());
            stage.setTitle(Words.of(Language.EN, ZoneOffset.UTC).get("startup.title"));
            stage.setScene(scene);
        } else {
            ui = new TillUi(runtime, background, Clock.system(runtime.settings().options().shopZone()));
            stage.titleProperty().bind(ui.statusBar().modeProperty().map(mode -> "ScanTill — " + mode));
            stage.setScene(ui.scene());
            frame(stage, ui.kiosk());
            ui.start(ScanTillApplication::logReady);
        }
        ready.complete(null);
    }

    /**
     * A dedicated till (kiosk): the whole screen without the window's frame, always in front, no key leaving full
     * screen, and the window's close (Alt+F4, the system's) refused: only a manager's Ctrl+Q on the till screen closes
     * it. Otherwise an ordinary window, whatever the stage was before (a restart in the same process).
     */
    private static void frame(Stage stage, boolean kiosk) {
        if (kiosk) {
            // The screen's size as well: a dedicated till may run without a window manager to honour full screen.
            Rectangle2D screen = Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        stage.setFullScreenExitKeyCombination(kiosk ? KeyCombination.NO_MATCH : null);
        stage.setFullScreenExitHint(kiosk ? "" : null);
        stage.setFullScreen(kiosk);
        stage.setAlwaysOnTop(kiosk);
        stage.setOnCloseRequest(kiosk ? WindowEvent::consume : null);
    }

    /** What the window shows while the till opens, in both languages: the settings that say which are not read yet. */
    private static VBox startingView() {
        Label starting = new Label(Words.of(Language.EN, ZoneOffset.UTC).get("startup.starting"));
        starting.setId("startupStarting");
        starting.setFont(Font.font(TypeFace.FAMILY, 18));
        VBox view = new VBox(starting);
        view.setPadding(new Insets(24));
        return view;
    }

    /** Before the settings are known, a problem is told in both languages, English first. */
    private static String inBothLanguages(String key, String detail) {
        return Words.of(Language.EN, ZoneOffset.UTC).get(key, detail) + "\n\n" + Words.of(Language.TH, ZoneOffset.UTC).get(key, detail);
    }

    private static void logReady() {
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Runtime memory = Runtime.getRuntime();
        Logging.log.info("ScanTill ready: the till's screen shown {} ms after the JVM started; heap in use {} MB", sinceJvmStart,
                (memory.totalMemory() - memory.freeMemory()) / (1024 * 1024));
    }

    /** The running till, for tests that script the training simulator. */
    TillRuntime runtime() {
        return runtime;
    }

    private VBox startupProblemView() {
        Label message = new Label(startupProblem);
        message.setId("startupProblem");
        message.setWrapText(true);
        Button close = new Button(Words.of(Language.EN, ZoneOffset.UTC).get("startup.close"));
        close.setDefaultButton(true);
        close.setOnAction(event -> Platform.exit());
        VBox view = new VBox(16, message, close);
        view.setPadding(new Insets(24));
        return view;
    }

    @Override
    public void stop() {
        if (ui != null) {
            ui.stop();
        }
        if (background != null) {
            background.close();
        }
        // Closed while still opening: the ledger is closed once it is open, not left locked.
        opened.join();
        if (runtime != null) {
            runtime.close();
            Runtime.getRuntime().removeShutdownHook(closeOnSignal);
        }
        Logging.log.info("ScanTill stopped");
    }
}
