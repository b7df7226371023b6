package com.scantill.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

final class SignInController {

    private final SignInModel model;
    private final Runnable toggleLanguage;
    @FXML
    private TextField signInId;
    @FXML
    private PasswordField signInPin;
    @FXML
    private Button signInButton;
    @FXML
    private WrappedText signInMessage;

    SignInController(SignInModel model, Runnable toggleLanguage) {
        this.model = model;
        this.toggleLanguage = toggleLanguage;
    }

    @FXML
    private void initialize() {
        signInId.textProperty().bindBidirectional(model.operatorIdProperty());
        signInPin.textProperty().bindBidirectional(model.pinProperty());
        signInButton.disableProperty().bind(model.checkingProperty());
        signInMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(signInMessage);
        Forms.enterDoes(signInButton.getParent(), List.of(signInId, signInPin), model::signIn);
    }

    void activate() {
        model.reset();
        signInId.requestFocus();
    }

    @FXML
    private void toggleLanguage() {
        toggleLanguage.run();
        signInId.requestFocus();
    }

    @FXML
    private void signIn() {
        model.signIn();
    }
}
