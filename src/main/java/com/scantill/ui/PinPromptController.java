package com.scantill.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

final class PinPromptController {

    private final PinPromptModel model;
    @FXML
    private WrappedText pinReason;
    @FXML
    private TextField pinOperator;
    @FXML
    private PasswordField pinField;
    @FXML
    private Button pinApprove;
    @FXML
    private WrappedText pinMessage;

    PinPromptController(PinPromptModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        pinReason.textProperty().bind(model.reasonProperty());
        pinOperator.textProperty().bindBidirectional(model.operatorIdProperty());
        pinField.textProperty().bindBidirectional(model.pinProperty());
        pinApprove.disableProperty().bind(model.checkingProperty());
        pinMessage.textProperty().bind(model.messageProperty());
        Forms.enterDoes(pinApprove.getParent().getParent(), List.of(pinOperator, pinField), model::submit);
        model.notice().styles(pinMessage);
    }

    void focus() {
        pinOperator.requestFocus();
    }

    @FXML
    private void approve() {
        model.submit();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
