package com.scantill.ui;

import com.scantill.app.OmiseConnection;
import com.scantill.model.BuildInfo;
import com.scantill.omise.ListRequest;
import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanDispatcher;
import com.scantill.scanner.ScanListener;
import com.scantill.scanner.ScannerState;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the status screen shows: the mode, where the till sends charges, and whether that answers. */
public final class StatusViewModel {

    private final OmiseConnection connection;
    private final BackgroundExecutor background;
    private final ReadOnlyStringWrapper modeBanner = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper apiStatus = new ReadOnlyStringWrapper("Checking the payment service…");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper scannerStatus = new ReadOnlyStringWrapper("Scanner: waiting");
    private final ReadOnlyStringWrapper lastScan = new ReadOnlyStringWrapper("");
    private final ScanListener scanListener = new ScanListener() {
        @Override
        public void scanned(Scan scan) {
            Platform.runLater(() -> lastScan.set("Scanned payment code " + scan.paymentCode().masked()));
        }

        @Override
        public void rejected(RejectedScan rejected) {
            Platform.runLater(() -> lastScan.set(rejected.message()));
        }

        @Override
        public void stateChanged(ScannerState state) {
            Platform.runLater(() -> scannerStatus.set("Scanner: " + state.message()));
        }
    };

    public StatusViewModel(OmiseConnection connection, String tillId, BackgroundExecutor background) {
        this.connection = connection;
        this.background = background;
        modeBanner.set(connection.mode().banner());
        details.set("Till " + tillId + " · ScanTill " + BuildInfo.version() + " · " + (connection.trainingSimulator().isPresent()
                ? "training simulator at " + connection.apiUrl() : connection.apiUrl()));
    }

    /** Listens to the scanners while the screen is shown. */
    public void activate(ScanDispatcher scans) {
        scans.addListener(scanListener);
    }

    public void deactivate(ScanDispatcher scans) {
        scans.removeListener(scanListener);
    }

    /** Asks the API for one charge, off the FX thread, to show whether it answers. */
    public void checkApi() {
        apiStatus.set("Checking the payment service…");
        background.run(() -> connection.client().listCharges(ListRequest.firstPage().withLimit(1)),
                page -> apiStatus.set("Payment service reachable"),
                failure -> apiStatus.set("Payment service unreachable: " + failure.getMessage()));
    }

    public ReadOnlyStringProperty modeBannerProperty() {
        return modeBanner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiStatusProperty() {
        return apiStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scannerStatusProperty() {
        return scannerStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastScanProperty() {
        return lastScan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
