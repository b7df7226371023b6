package com.scantill.ui;

import com.scantill.app.ScannerSettings;
import com.scantill.app.Settings;
import com.scantill.app.SettingsStore;
import com.scantill.app.TillRuntime;
import com.scantill.ledger.LedgerInUseException;
import com.scantill.scanner.ScannerState;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The till. Without a secret key configured it runs in training mode against the embedded simulator. */
public final class ScanTillApplication extends Application {

    private static final Logger log = LoggerFactory.getLogger(ScanTillApplication.class);

    private TillRuntime runtime;
    private String startupProblem;
    private FxBackgroundExecutor background;

    public static void main(String[] args) {
        launch(ScanTillApplication.class, args);
    }

    /** Runs on the launcher thread: settings, ledger and simulator are opened without holding up the FX thread. */
    @Override
    public void init() {
        background = new FxBackgroundExecutor();
        try {
            Settings settings = SettingsStore.forThisMachine().load();
            runtime = TillRuntime.open(settings);
            log.info("ScanTill starting: till {}, {} mode, API {}", settings.tillId(), runtime.connection().mode(),
                    runtime.connection().apiUrl());
        } catch (LedgerInUseException e) {
            startupProblem = e.getMessage();
            log.error(startupProblem);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene;
        if (runtime == null) {
            scene = new Scene(startupProblemView(), 640, 240);
            stage.setTitle("ScanTill cannot start");
        } else {
            StatusViewModel viewModel = new StatusViewModel(runtime.connection(), runtime.settings().tillId(), background);
            viewModel.activate(runtime.scans());
            scene = new Scene(new StatusView(viewModel), 800, 480);
            stage.setTitle("ScanTill — " + runtime.connection().mode().banner());
            if (runtime.settings().scanner().driver() == ScannerSettings.Driver.KEYBOARD) {
                new KeyboardWedge(runtime.settings().scanner().keyboard(), runtime.scans()).attach(scene);
                runtime.scans().stateChanged(new ScannerState(KeyboardWedge.SCANNER_NAME, ScannerState.Status.CONNECTED,
                        "keyboard scanner ready"));
            }
            viewModel.checkApi();
        }
        scene.getStylesheets().add(ScanTillApplication.class.getResource("scantill.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private VBox startupProblemView() {
        Label message = new Label(startupProblem);
        message.setId("startupProblem");
        message.setWrapText(true);
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setOnAction(event -> Platform.exit());
        VBox view = new VBox(16, message, close);
        view.setPadding(new Insets(24));
        return view;
    }

    @Override
    public void stop() {
        background.close();
        if (runtime != null) {
            runtime.close();
        }
        log.info("ScanTill stopped");
    }
}
