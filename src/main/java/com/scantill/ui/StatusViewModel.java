package com.scantill.ui;

import com.scantill.app.OmiseConnection;
import com.scantill.model.BuildInfo;
import com.scantill.omise.ListRequest;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the status screen shows: the mode, where the till sends charges, and whether that answers. */
public final class StatusViewModel {

    private final OmiseConnection connection;
    private final BackgroundExecutor background;
    private final ReadOnlyStringWrapper modeBanner = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper apiStatus = new ReadOnlyStringWrapper("Checking the payment service…");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper();

    public StatusViewModel(OmiseConnection connection, String tillId, BackgroundExecutor background) {
        this.connection = connection;
        this.background = background;
        modeBanner.set(connection.mode().banner());
        details.set("Till " + tillId + " · ScanTill " + BuildInfo.version() + " · " + (connection.trainingSimulator().isPresent()
                ? "training simulator at " + connection.apiUrl() : connection.apiUrl()));
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

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
