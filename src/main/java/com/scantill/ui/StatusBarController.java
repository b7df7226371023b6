package com.scantill.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

final class StatusBarController {

    private final StatusBarModel model;
    @FXML
    private Label modeBanner;
    @FXML
    private Label apiStatus;
    @FXML
    private Label scannerStatus;
    @FXML
    private Label printerStatus;
    @FXML
    private Label storeStatus;
    @FXML
    private Label operatorStatus;
    @FXML
    private Label tillStatus;

    StatusBarController(StatusBarModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        modeBanner.textProperty().bind(model.modeProperty());
        modeBanner.getStyleClass().add(model.modeStyleProperty().get());
        apiStatus.textProperty().bind(model.apiProperty());
        model.apiReachableProperty().addListener((observable, before, now) -> flag(apiStatus, now));
        scannerStatus.textProperty().bind(model.scannerProperty());
        model.scannerConnectedProperty().addListener((observable, before, now) -> flag(scannerStatus, now));
        flag(scannerStatus, false);
        printerStatus.textProperty().bind(model.printerProperty());
        printerStatus.visibleProperty().bind(model.printerProperty().isNotEmpty());
        printerStatus.managedProperty().bind(printerStatus.visibleProperty());
        model.printerReadyProperty().addListener((observable, before, now) -> flag(printerStatus, now));
        flag(printerStatus, true);
        storeStatus.textProperty().bind(model.storeProperty());
        storeStatus.visibleProperty().bind(model.storeProperty().isNotEmpty());
        storeStatus.managedProperty().bind(storeStatus.visibleProperty());
        model.storeReachableProperty().addListener((observable, before, now) -> flag(storeStatus, now));
        flag(storeStatus, true);
        operatorStatus.textProperty().bind(model.operatorProperty());
        tillStatus.textProperty().bind(model.tillProperty());
        // Which mode, which till and whether Omise answers are never cut short; the scanner's, the printer's and the
        // store's messages may be, their whole text in a tooltip and their colour saying good or bad.
        for (Label whole : new Label[] {modeBanner, tillStatus, operatorStatus, apiStatus}) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label message : new Label[] {apiStatus, scannerStatus, printerStatus}) {
            Tooltip tooltip = new Tooltip();
            tooltip.textProperty().bind(message.textProperty());
            message.setTooltip(tooltip);
        }
        Tooltip storeTooltip = new Tooltip();
        storeTooltip.textProperty().bind(model.storeDetailProperty());
        storeStatus.setTooltip(storeTooltip);
    }

    private static void flag(Label label, boolean good) {
        label.getStyleClass().removeAll("status-good", "status-bad");
        label.getStyleClass().add(good ? "status-good" : "status-bad");
    }
}
