package com.scantill.ui;

import com.scantill.model.Money;
import com.scantill.model.Role;
import com.scantill.model.Sale;
import com.scantill.operators.Operator;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;


final class TillController {

    private static final String[][] KEYS = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {"00", "0", "."}, {"C", "⌫"}};

    private final TillModel model;
    private final Navigation navigation;
    private final Supplier<Operator> operator;
    private final DateTimeFormatter time;
    @FXML
    private MoneyText refundWarning;
    @FXML
    private TextField amountField;
    @FXML
    private Label amountShown;
    @FXML
    private MoneyText amountMessage;
    @FXML
    private GridPane keypad;
    @FXML
    private VBox statusPanel;
    @FXML
    private MoneyText panelTitle;
    @FXML
    private MoneyText panelDetail;
    @FXML
    private Label elapsed;
    @FXML
    private Button newSaleButton;
    @FXML
    private Button expireButton;
    @FXML
    private Button stopWaitingButton;
    @FXML
    private MoneyText message;
    @FXML
    private VBox phonePanel;
    @FXML
    private Button approveButton;
    @FXML
    private Button declineButton;
    @FXML
    private Button operatorsButton;
    @FXML
    private Button settingsButton;
    @FXML
    private Button reportButton;
    @FXML
    private ListView<Sale> transactionList;
    @FXML
    private TextArea details;
    @FXML
    private TextField refundAmount;
    @FXML
    private Button refundButton;
    @FXML
    private Button confirmRecoveredButton;

    TillController(TillModel model, Navigation navigation, Supplier<Operator> operator, ZoneId shopZone) {
        this.model = model;
        this.navigation = navigation;
        this.operator = operator;
        this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(shopZone);
    }

    @FXML
    private void initialize() {
        refundWarning.textProperty().bind(model.refundWarningProperty());
        refundWarning.visibleProperty().bind(model.refundWarningProperty().isNotEmpty());
        refundWarning.managedProperty().bind(refundWarning.visibleProperty());
        amountField.textProperty().bindBidirectional(model.amountTextProperty());
        amountField.editableProperty().bind(model.amountEditableProperty());
        amountShown.textProperty().bind(model.amountShownProperty());
        amountMessage.textProperty().bind(model.amountMessageProperty());
        for (int row = 0; row < KEYS.length; row++) {
            for (int column = 0; column < KEYS[row].length; column++) {
                String key = KEYS[row][column];
                Button button = new Button(key);
                button.setId("key-" + switch (key) {
                    case "." -> "point";
                    case "⌫" -> "delete";
                    default -> key;
                });
                button.getStyleClass().add("keypad-key");
                button.setFocusTraversable(false);
                button.disableProperty().bind(model.amountEditableProperty().not());
                button.setOnAction(event -> {
                    model.keypad(key);
                    amountField.requestFocus();
                    amountField.end();
                });
                keypad.add(button, column, row);
            }
        }
        panelTitle.textProperty().bind(model.panelTitleProperty());
        panelDetail.textProperty().bind(model.panelDetailProperty());
        elapsed.textProperty().bind(model.elapsedProperty());
        model.onPanelChange(panel -> {
            statusPanel.getStyleClass().removeIf(style -> style.startsWith("panel-"));
            statusPanel.getStyleClass().add("panel-" + panel.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        });
        newSaleButton.disableProperty().bind(model.newSaleAvailableProperty().not());
        expireButton.visibleProperty().bind(model.expireAvailableProperty());
        expireButton.managedProperty().bind(expireButton.visibleProperty());
        stopWaitingButton.visibleProperty().bind(model.expireAvailableProperty());
        stopWaitingButton.managedProperty().bind(stopWaitingButton.visibleProperty());
        message.textProperty().bind(model.messageProperty());
        model.notice().styles(message);
        phonePanel.visibleProperty().bind(model.phoneActiveProperty());
        phonePanel.managedProperty().bind(phonePanel.visibleProperty());
        transactionList.setItems(model.transactions());
        transactionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Sale sale, boolean empty) {
                super.updateItem(sale, empty);
                getStyleClass().remove("refund-owed");
                if (empty || sale == null) {
                    setText(null);
                    return;
                }
                // The code's last digits come before anything of varying length, so that they always show.
                String code = sale.paymentCodeMasked();
                setText(time.format(sale.createdAt()) + "  …" + code.substring(code.length() - 4) + "  "
                        + Money.format(sale.amount()) + "  " + CashierMessages.status(sale.status())
                        + (sale.needsAttention() && !sale.status().isFinal() ? " · NEEDS ATTENTION" : "")
                        + (sale.recoveredFromOmise() ? " · RECOVERED FROM OMISE" : "")
                        + (sale.refundedAmount() > 0 ? "  refunded " + Money.format(sale.refundedAmount()) : ""));
                Tooltip tooltip = new Tooltip(getText());
                setTooltip(tooltip);
                if (sale.refundOwed() && sale.refundableAmount() > 0) {
                    getStyleClass().add("refund-owed");
                }
            }
        });
        transactionList.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        details.textProperty().bind(model.detailsProperty());
        refundAmount.textProperty().bindBidirectional(model.refundAmountTextProperty());
        refundAmount.disableProperty().bind(model.refundAvailableProperty().not());
        confirmRecoveredButton.visibleProperty().bind(model.confirmRecoveredAvailableProperty());
        confirmRecoveredButton.managedProperty().bind(confirmRecoveredButton.visibleProperty());
        refundButton.disableProperty().bind(model.refundAvailableProperty().not());
    }

    void activate() {
        Operator who = operator.get();
        boolean manager = who != null && who.may(Role.MANAGER);
        operatorsButton.setVisible(manager);
        operatorsButton.setManaged(manager);
        settingsButton.setVisible(manager);
        settingsButton.setManaged(manager);
        reportButton.setVisible(manager);
        reportButton.setManaged(manager);
        model.activate();
        amountField.requestFocus();
    }

    void deactivate() {
        model.deactivate();
    }

    @FXML
    void newSale() {
        model.newSale();
        amountField.requestFocus();
    }

    @FXML
    void stopWaiting() {
        model.stopWaiting();
    }

    @FXML
    void expire() {
        model.expire();
    }

    @FXML
    void approve() {
        model.approveOnPhone();
    }

    @FXML
    void decline() {
        model.declineOnPhone();
    }

    @FXML
    void refund() {
        model.refundSelected();
    }

    @FXML
    void confirmRecovered() {
        model.confirmSelectedRecovered();
    }

    @FXML
    void operators() {
        if (operatorsButton.isVisible()) {
            navigation.showOperators();
        }
    }

    @FXML
    void settings() {
        if (settingsButton.isVisible()) {
            navigation.showSettings();
        }
    }

    @FXML
    void report() {
        if (reportButton.isVisible()) {
            navigation.showReport();
        }
    }

    @FXML
    void signOut() {
        navigation.signOut("");
    }
}
