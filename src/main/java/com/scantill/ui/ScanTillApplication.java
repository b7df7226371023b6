package com.scantill.ui;

import com.scantill.config.OmiseConnection;
import com.scantill.config.Settings;
import com.scantill.config.SettingsStore;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The till. Without a secret key configured it runs in training mode against the embedded simulator. */
public final class ScanTillApplication extends Application {

    private static final Logger log = LoggerFactory.getLogger(ScanTillApplication.class);

    private Settings settings;
    private OmiseConnection connection;
    private FxBackgroundExecutor background;

    public static void main(String[] args) {
        launch(ScanTillApplication.class, args);
    }

    /** Runs on the launcher thread, so reading settings and starting the simulator never holds up the FX thread. */
    @Override
    public void init() {
        settings = SettingsStore.forThisMachine().load();
        connection = OmiseConnection.open(settings);
        background = new FxBackgroundExecutor();
        log.info("ScanTill starting: till {}, {} mode, API {}", settings.tillId(), connection.mode(), connection.apiUrl());
    }

    @Override
    public void start(Stage stage) {
        StatusViewModel viewModel = new StatusViewModel(connection, settings.tillId(), background);
        Scene scene = new Scene(new StatusView(viewModel), 800, 480);
        scene.getStylesheets().add(ScanTillApplication.class.getResource("scantill.css").toExternalForm());
        stage.setTitle("ScanTill — " + connection.mode().banner());
        stage.setScene(scene);
        stage.show();
        viewModel.checkApi();
    }

    @Override
    public void stop() {
        background.close();
        connection.close();
        log.info("ScanTill stopped");
    }
}
