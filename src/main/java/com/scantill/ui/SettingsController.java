package com.scantill.ui;

import java.util.List;
import com.scantill.app.ScannerSettings;
import com.scantill.scanner.SerialSettings;
import com.scantill.scanner.WedgeSettings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

final class SettingsController {

    private final SettingsModel model;
    private final Navigation navigation;
    @FXML
    private Label keyHint;
    @FXML
    private PasswordField newKey;
    @FXML
    private CheckBox removeKey;
    @FXML
    private TextField apiUrl;
    @FXML
    private TextField tillId;
    @FXML
    private ComboBox<ScannerSettings.Driver> driver;
    @FXML
    private ComboBox<WedgeSettings.Terminator> terminator;
    @FXML
    private TextField suffix;
    @FXML
    private TextField prefix;
    @FXML
    private ComboBox<String> serialPort;
    @FXML
    private TextField baudRate;
    @FXML
    private ComboBox<SerialSettings.LineEnding> lineEnding;
    @FXML
    private TextField pendingLimit;
    @FXML
    private TextField idleMinutes;
    @FXML
    private WrappedText settingsMessage;

    SettingsController(SettingsModel model, Navigation navigation) {
        this.model = model;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        keyHint.textProperty().bind(model.keyHintProperty());
        newKey.textProperty().bindBidirectional(model.newKeyProperty());
        removeKey.selectedProperty().bindBidirectional(model.removeKeyProperty());
        apiUrl.textProperty().bindBidirectional(model.apiUrlProperty());
        tillId.textProperty().bindBidirectional(model.tillIdProperty());
        driver.getItems().setAll(ScannerSettings.Driver.values());
        driver.valueProperty().bindBidirectional(model.driverProperty());
        terminator.getItems().setAll(WedgeSettings.Terminator.values());
        terminator.valueProperty().bindBidirectional(model.terminatorProperty());
        suffix.textProperty().bindBidirectional(model.suffixProperty());
        prefix.textProperty().bindBidirectional(model.prefixProperty());
        serialPort.setItems(model.ports());
        serialPort.valueProperty().bindBidirectional(model.serialPortProperty());
        baudRate.textProperty().bindBidirectional(model.baudRateProperty());
        lineEnding.getItems().setAll(SerialSettings.LineEnding.values());
        lineEnding.valueProperty().bindBidirectional(model.lineEndingProperty());
        pendingLimit.textProperty().bindBidirectional(model.pendingLimitSecondsProperty());
        idleMinutes.textProperty().bindBidirectional(model.idleMinutesProperty());
        settingsMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(settingsMessage);
        Forms.enterDoes(settingsMessage.getParent(), List.of(), model::save);
    }

    void activate() {
        model.activate();
        newKey.requestFocus();
    }

    @FXML
    void save() {
        model.save();
    }

    @FXML
    void backUp() {
        model.backUpNow();
    }

    @FXML
    void printTestSlip() {
        model.printTestSlip();
    }

    @FXML
    void back() {
        navigation.showTill();
    }
}
