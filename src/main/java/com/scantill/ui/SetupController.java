package com.scantill.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

final class SetupController {

    private final SetupModel model;
    @FXML
    private TextField setupId;
    @FXML
    private TextField setupName;
    @FXML
    private PasswordField setupPin;
    @FXML
    private PasswordField setupPinAgain;
    @FXML
    private Button createButton;
    @FXML
    private WrappedText setupMessage;

    SetupController(SetupModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        setupId.textProperty().bindBidirectional(model.operatorIdProperty());
        setupName.textProperty().bindBidirectional(model.displayNameProperty());
        setupPin.textProperty().bindBidirectional(model.pinProperty());
        setupPinAgain.textProperty().bindBidirectional(model.pinAgainProperty());
        createButton.disableProperty().bind(model.workingProperty());
        setupMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(setupMessage);
        Forms.enterDoes(createButton.getParent(), List.of(setupId, setupName, setupPin, setupPinAgain), model::create);
    }

    void focus() {
        setupId.requestFocus();
    }

    @FXML
    private void create() {
        model.create();
    }
}
