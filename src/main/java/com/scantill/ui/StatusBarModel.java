package com.scantill.ui;

import com.scantill.app.OmiseReach;
import com.scantill.app.TillMode;
import com.scantill.app.StoreLink;
import com.scantill.app.TillRuntime;
import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.OmiseAccess;
import com.scantill.checkout.SaleState;
import com.scantill.operators.Operator;
import com.scantill.scanner.Scan;
import com.scantill.slips.PrinterStatus;
import com.scantill.slips.SlipPrinter;
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

/** The always-visible bar: mode, payment service, scanner, receipt printer, the shop's store, operator, till. */
public final class StatusBarModel {

    private final TillRuntime runtime;
    private final BackgroundExecutor background;
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper modeStyle = new ReadOnlyStringWrapper();
    private final CashierMessages words;
    private final SessionModel session;
    /** What the status bar last said of Omise and of the scanner, to say it again in another language. */
    private String apiKey = "status.omiseChecking";
    private ScannerState scannerState;
    private final ReadOnlyStringWrapper api = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper apiReachable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper scanner = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper scannerConnected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper printer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printerReady = new ReadOnlyBooleanWrapper(true);
    private SlipPrinter.State printerState;
    private final SlipPrinter.Listener printerListener = this::printerChanged;
    private final ReadOnlyStringWrapper store = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storeDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper storeReachable = new ReadOnlyBooleanWrapper(true);
    private StoreLink.State storeState;
    private final StoreLink.Listener storeListener = this::storeChanged;
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper();
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
                scannerState = state;
                scanner.set(words.scanner(state));
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
                    say("status.keyRefused");
                    apiReachable.set(false);
                } else {
                    checkApi();
                }
            });
        }
    };

    public StatusBarModel(TillRuntime runtime, SessionModel session, BackgroundExecutor background, CashierMessages words) {
        this.runtime = runtime;
        this.background = background;
        this.words = words;
        this.session = session;
        api.set(words.text(apiKey));
        scanner.set(words.text("status.scannerWaiting"));
        operator.set(describe(null));
        TillMode tillMode = runtime.connection().mode();
        mode.set(words.text("mode." + tillMode.name()));
        modeStyle.set("mode-" + tillMode.name().toLowerCase(Locale.ROOT));
        till.set(words.text("status.till", runtime.settings().tillId()));
        session.operatorProperty().addListener((observable, before, now) -> operator.set(describe(now)));
        apiChecks.setCycleCount(Timeline.INDEFINITE);
    }

    private String describe(Operator who) {
        return who == null ? words.text("status.nobody") : words.text("status.operator", who.displayName(), words.role(who.role()));
    }

    public void activate() {
        runtime.scans().addListener(scannerListener);
        runtime.engine().addListener(engineListener);
        if (runtime.slips().printer().configured()) {
            runtime.slips().printer().addListener(printerListener);
        }
        runtime.storeLink().ifPresent(link -> link.addListener(storeListener));
        checkApi();
        apiChecks.play();
    }

    public void deactivate() {
        runtime.scans().removeListener(scannerListener);
        runtime.engine().removeListener(engineListener);
        runtime.slips().printer().removeListener(printerListener);
        runtime.storeLink().ifPresent(link -> link.removeListener(storeListener));
        apiChecks.stop();
    }

    /** Asks the payment service for one charge, off the FX thread. */
    public void checkApi() {
        background.run(() -> runtime.connection().reach(), reach -> {
            boolean reachable = reach == OmiseReach.REACHABLE;
            boolean keyRefused = reach == OmiseReach.KEY_REFUSED
                    || !reachable && runtime.engine().access() == OmiseAccess.KEY_REFUSED;
            say(reachable ? "status.omiseReachable" : keyRefused ? "status.keyRefused" : "status.omiseUnreachable");
            apiReachable.set(reachable);
        }, failure -> {
            say("status.omiseUnreachable");
            apiReachable.set(false);
        });
    }

    private void printerChanged(SlipPrinter.State state) {
        background.onFxThread(() -> {
            printerState = state;
            showPrinter();
        });
    }

    private void storeChanged(StoreLink.State state) {
        background.onFxThread(() -> {
            storeState = state;
            showStore();
        });
    }

    /** The store as the till sees it: synced, how much waits to be copied, or away (the till keeps everything). */
    private void showStore() {
        if (storeState == null) {
            store.set("");
            storeDetail.set("");
            return;
        }
        storeReachable.set(storeState.status() != StoreLink.Status.UNREACHABLE);
        store.set(words.text("status.store." + storeState.status().name(), storeState.waiting()));
        storeDetail.set(store.get() + "\n" + words.text(storeState.pushed() ? "status.store.pushed" : "status.store.polling")
                + (storeState.restartForShopSettings() ? "\n" + words.text("status.store.restartForShopSettings") : ""));
    }

    /** The printer as the cashier needs to know it: ready, or what is wrong and how many slips wait. */
    private void showPrinter() {
        if (printerState == null) {
            printer.set("");
            return;
        }
        PrinterStatus status = printerState.status();
        boolean ready = status == PrinterStatus.READY || status == PrinterStatus.UNKNOWN;
        printerReady.set(ready);
        String said = words.text("status.printer." + status.name());
        printer.set(printerState.waiting() == 0 ? said : words.text("status.printerWaiting", said, printerState.waiting()));
    }

    private void say(String key) {
        apiKey = key;
        api.set(words.text(key));
    }

    /** Everything on the bar said again in the language of the moment. */
    void reword() {
        api.set(words.text(apiKey));
        scanner.set(scannerState == null ? words.text("status.scannerWaiting") : words.scanner(scannerState));
        operator.set(describe(session.operator()));
        till.set(words.text("status.till", runtime.settings().tillId()));
        mode.set(words.text("mode." + runtime.connection().mode().name()));
        showPrinter();
        showStore();
    }

    public ReadOnlyStringProperty storeProperty() {
        return store.getReadOnlyProperty();
    }

    /** The store's state in full, and whether Omise's news of charges is pushed through it or polled for. */
    public ReadOnlyStringProperty storeDetailProperty() {
        return storeDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storeReachableProperty() {
        return storeReachable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty printerProperty() {
        return printer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printerReadyProperty() {
        return printerReady.getReadOnlyProperty();
    }

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
