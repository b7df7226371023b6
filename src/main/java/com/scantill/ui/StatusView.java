package com.scantill.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The till's first screen: the mode banner and whether the payment service answers. */
public final class StatusView extends VBox {

    public StatusView(StatusViewModel viewModel) {
        Label banner = new Label();
        banner.setId("modeBanner");
        banner.getStyleClass().add("mode-banner");
        banner.textProperty().bind(viewModel.modeBannerProperty());
        banner.setMaxWidth(Double.MAX_VALUE);

        Label apiStatus = new Label();
        apiStatus.setId("apiStatus");
        apiStatus.getStyleClass().add("api-status");
        apiStatus.textProperty().bind(viewModel.apiStatusProperty());

        Label scannerStatus = new Label();
        scannerStatus.setId("scannerStatus");
        scannerStatus.textProperty().bind(viewModel.scannerStatusProperty());

        Label lastScan = new Label();
        lastScan.setId("lastScan");
        lastScan.setWrapText(true);
        lastScan.textProperty().bind(viewModel.lastScanProperty());

        Label details = new Label();
        details.setId("details");
        details.textProperty().bind(viewModel.detailsProperty());

        setSpacing(16);
        setPadding(new Insets(24));
        setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(banner, apiStatus, scannerStatus, lastScan, details);
        getStyleClass().add("status-view");
    }
}
