package com.scantill.ui;

import com.scantill.app.ScannerSettings;
import com.scantill.app.SlipSettings;
import com.scantill.scanner.SerialSettings;
import com.scantill.scanner.WedgeSettings;
import com.scantill.slips.PrinterSettings;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

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
    private ComboBox<PrinterSettings.Connection> printerConnection;
    @FXML
    private TextField printerAddress;
    @FXML
    private ComboBox<PrinterSettings.Paper> printerPaper;
    @FXML
    private ComboBox<SlipSettings.OnPaid> onPaid;
    @FXML
    private HBox methods;
    @FXML
    private TextField pendingLimit;
    @FXML
    private TextField idleMinutes;
    @FXML
    private WrappedText settingsMessage;
    private final List<Runnable> rewording = new ArrayList<>();

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
        worded(driver, ScannerSettings.Driver.values(), model.driverProperty());
        worded(terminator, WedgeSettings.Terminator.values(), model.terminatorProperty());
        suffix.textProperty().bindBidirectional(model.suffixProperty());
        prefix.textProperty().bindBidirectional(model.prefixProperty());
        serialPort.setItems(model.ports());
        serialPort.valueProperty().bindBidirectional(model.serialPortProperty());
        baudRate.textProperty().bindBidirectional(model.baudRateProperty());
        lineEnding.getItems().setAll(SerialSettings.LineEnding.values());
        lineEnding.valueProperty().bindBidirectional(model.lineEndingProperty());
        worded(printerConnection, PrinterSettings.Connection.values(), model.printerConnectionProperty());
        printerAddress.textProperty().bindBidirectional(model.printerAddressProperty());
        printerAddress.disableProperty().bind(model.printerConnectionProperty().isEqualTo(PrinterSettings.Connection.NONE));
        worded(printerPaper, PrinterSettings.Paper.values(), model.printerPaperProperty());
        worded(onPaid, SlipSettings.OnPaid.values(), model.onPaidProperty());
        model.methods().forEach((method, on) -> {
            CheckBox box = new CheckBox(model.methodName(method));
            box.setId("method-" + method.sourceType());
            box.selectedProperty().bindBidirectional(on);
            methods.getChildren().add(box);
            rewording.add(() -> box.setText(model.methodName(method)));
        });
        pendingLimit.textProperty().bindBidirectional(model.pendingLimitSecondsProperty());
        idleMinutes.textProperty().bindBidirectional(model.idleMinutesProperty());
        settingsMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(settingsMessage);
        Forms.enterDoes(settingsMessage.getParent(), List.of(), model::save);
    }

    /** A list of choices shown in the manager's words, said again when the language changes. */
    private <T extends Enum<T>> void worded(ComboBox<T> box, T[] values, ObjectProperty<T> chosen) {
        box.getItems().setAll(values);
        box.setCellFactory(list -> wordedCell());
        box.setButtonCell(wordedCell());
        box.valueProperty().bindBidirectional(chosen);
        rewording.add(() -> box.setButtonCell(wordedCell()));
    }

    private <T extends Enum<T>> ListCell<T> wordedCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : model.choice(value));
            }
        };
    }

    /** The lists' choices said again in the language of the moment. */
    void reword() {
        rewording.forEach(Runnable::run);
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
