package com.scantill.ui;

import com.scantill.model.OperatorAccount;
import com.scantill.model.Role;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

final class OperatorsController {

    private final OperatorsModel model;
    private final Navigation navigation;
    @FXML
    private ListView<OperatorAccount> operatorList;
    @FXML
    private TextField newId;
    @FXML
    private TextField newName;
    @FXML
    private ComboBox<Role> newRole;
    @FXML
    private PasswordField operatorPin;
    @FXML
    private WrappedText operatorsMessage;

    OperatorsController(OperatorsModel model, Navigation navigation) {
        this.model = model;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        operatorList.setItems(model.accounts());
        operatorList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(OperatorAccount account, boolean empty) {
                super.updateItem(account, empty);
                setText(empty || account == null ? null : account.operatorId() + " · " + account.displayName() + " · "
                        + account.role().name().toLowerCase(Locale.ROOT) + (account.enabled() ? "" : " · disabled")
                        + (account.isLockedAt(Instant.now()) ? " · locked out" : ""));
            }
        });
        operatorList.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> model.selectedProperty().set(now));
        newId.textProperty().bindBidirectional(model.newIdProperty());
        newName.textProperty().bindBidirectional(model.newNameProperty());
        newRole.getItems().setAll(Role.values());
        newRole.valueProperty().bindBidirectional(model.newRoleProperty());
        operatorPin.textProperty().bindBidirectional(model.pinProperty());
        operatorsMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(operatorsMessage);
        Forms.enterDoes(newId.getParent(), List.of(newId, newName, operatorPin), model::add);
    }

    void activate() {
        model.activate();
        newId.requestFocus();
    }

    @FXML
    private void add() {
        model.add();
    }

    @FXML
    private void resetPin() {
        model.resetPin();
    }

    @FXML
    private void toggle() {
        model.toggleEnabled();
    }

    @FXML
    void back() {
        navigation.showTill();
    }
}
