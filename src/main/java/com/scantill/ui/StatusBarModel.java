package com.scantill.ui;

import com.scantill.app.OmiseReach;
import com.scantill.app.TillMode;
import com.scantill.app.TillRuntime;
import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.OmiseAccess;
import com.scantill.checkout.SaleState;
import com.scantill.operators.Operator;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanListener;
import com.scantill.scanner.ScannerState;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/** The always-visible bar: mode, payment service, scanner, operator, till. */
public final class StatusBarModel {

    private final TillRuntime runtime;
    private final BackgroundExecutor background;
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper modeStyle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper api = new ReadOnlyStringWrapper("Omise: checking…");
    private final ReadOnlyBooleanWrapper apiReachable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper scanner = new ReadOnlyStringWrapper("Scanner: waiting");
    private final ReadOnlyBooleanWrapper scannerConnected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("Nobody signed in");
    private final ReadOnlyStringWrapper till = new ReadOnlyStringWrapper();
    private final Timeline apiChecks = new Timeline(new KeyFrame(Duration.seconds(30), event -> checkApi()));
    private final ScanListener scannerListener = new ScanListener() {
        @Override
        public void scanned(Scan scan) {
            // Scans are the till screen's business.
        }

        @Override
        public void stateChanged(ScannerState state) {
            background.onFxThread(() -> {
                scanner.set("Scanner: " + state.message());
                scannerConnected.set(state.isConnected());
            });
        }
    };

    private final CheckoutListener engineListener = new CheckoutListener() {
        @Override
        public void saleChanged(SaleState state) {
            // Sales are the till screen's business.
        }

        @Override
        public void accessChanged(OmiseAccess access) {
            background.onFxThread(() -> {
                if (access == OmiseAccess.KEY_REFUSED) {
                    api.set(KEY_REFUSED);
                    apiReachable.set(false);
                } else {
                    checkApi();
                }
            });
        }
    };

    public StatusBarModel(TillRuntime runtime, SessionModel session, BackgroundExecutor background) {
        this.runtime = runtime;
        this.background = background;
        TillMode tillMode = runtime.connection().mode();
        mode.set(tillMode.banner());
        modeStyle.set("mode-" + tillMode.name().toLowerCase(Locale.ROOT));
        till.set("Till " + runtime.settings().tillId());
        session.operatorProperty().addListener((observable, before, now) -> operator.set(describe(now)));
        apiChecks.setCycleCount(Timeline.INDEFINITE);
    }

    private static String describe(Operator who) {
        return who == null ? "Nobody signed in" : who.displayName() + " (" + who.role().name().toLowerCase(Locale.ROOT) + ")";
    }

    public void activate() {
        runtime.scans().addListener(scannerListener);
        runtime.engine().addListener(engineListener);
        checkApi();
        apiChecks.play();
    }

    public void deactivate() {
        runtime.scans().removeListener(scannerListener);
        runtime.engine().removeListener(engineListener);
        apiChecks.stop();
    }

    /** Asks the payment service for one charge, off the FX thread. */
    public void checkApi() {
        background.run(() -> runtime.connection().reach(), reach -> {
            boolean reachable = reach == OmiseReach.REACHABLE;
            boolean keyRefused = reach == OmiseReach.KEY_REFUSED
                    || !reachable && runtime.engine().access() == OmiseAccess.KEY_REFUSED;
            api.set(reachable ? "Omise reachable" : keyRefused ? KEY_REFUSED : "Omise unreachable");
            apiReachable.set(reachable);
        }, failure -> {
            api.set("Omise unreachable");
            apiReachable.set(false);
        });
    }

    private static final String KEY_REFUSED = "Omise refused the secret key: a manager must fix it in Settings (F9)";

    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modeStyleProperty() {
        return modeStyle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiProperty() {
        return api.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty apiReachableProperty() {
        return apiReachable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scannerProperty() {
        return scanner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scannerConnectedProperty() {
        return scannerConnected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tillProperty() {
        return till.getReadOnlyProperty();
    }
}
