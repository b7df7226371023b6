package com.scantill.ui;

import com.scantill.model.Role;
import com.scantill.model.Sale;
import com.scantill.operators.Operator;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
import javafx.util.Duration;


final class TillController {

    private static final String[][] KEYS = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {"00", "0", "."}, {"C", "⌫"}};

    private final TillModel model;
    private final Navigation navigation;
    private final Supplier<Operator> operator;
    private final Timeline ticker;
    @FXML
    private WrappedText refundWarning;
    @FXML
    private TextField amountField;
    @FXML
    private Label amountShown;
    @FXML
    private WrappedText amountMessage;
    @FXML
    private GridPane keypad;
    @FXML
    private VBox statusPanel;
    @FXML
    private WrappedText panelTitle;
    @FXML
    private WrappedText panelDetail;
    @FXML
    private Label elapsed;
    @FXML
    private Label panelMethod;
    @FXML
    private Button newSaleButton;
    @FXML
    private Button expireButton;
    @FXML
    private Button stopWaitingButton;
    @FXML
    private WrappedText message;
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

    TillController(TillModel model, Navigation navigation, Supplier<Operator> operator) {
        this.model = model;
        this.navigation = navigation;
        this.operator = operator;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.sale().tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        refundWarning.textProperty().bind(model.transactions().refundWarningProperty());
        refundWarning.visibleProperty().bind(model.transactions().refundWarningProperty().isNotEmpty());
        refundWarning.managedProperty().bind(refundWarning.visibleProperty());
        amountField.textProperty().bindBidirectional(model.amount().textProperty());
        amountField.editableProperty().bind(model.amount().editableProperty());
        amountShown.textProperty().bind(model.amount().shownProperty());
        amountMessage.textProperty().bind(model.amount().messageProperty());
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
                button.disableProperty().bind(model.amount().editableProperty().not());
                button.setOnAction(event -> {
                    model.amount().keypad(key);
                    amountField.requestFocus();
                    amountField.end();
                });
                keypad.add(button, column, row);
            }
        }
        panelTitle.textProperty().bind(model.sale().panelTitleProperty());
        panelDetail.textProperty().bind(model.sale().panelDetailProperty());
        elapsed.textProperty().bind(model.sale().elapsedProperty());
        panelMethod.textProperty().bind(model.sale().methodProperty());
        panelMethod.managedProperty().bind(panelMethod.textProperty().isNotEmpty());
        model.sale().onPanelChange(panel -> {
            statusPanel.getStyleClass().removeIf(style -> style.startsWith("panel-"));
            statusPanel.getStyleClass().add("panel-" + panel.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        });
        newSaleButton.disableProperty().bind(model.sale().newSaleAvailableProperty().not());
        expireButton.visibleProperty().bind(model.sale().expireAvailableProperty());
        expireButton.managedProperty().bind(expireButton.visibleProperty());
        stopWaitingButton.visibleProperty().bind(model.sale().expireAvailableProperty());
        stopWaitingButton.managedProperty().bind(stopWaitingButton.visibleProperty());
        message.textProperty().bind(model.messageProperty());
        model.notice().styles(message);
        phonePanel.visibleProperty().bind(model.phone().activeProperty());
        phonePanel.managedProperty().bind(phonePanel.visibleProperty());
        transactionList.setItems(model.transactions().transactions());
        transactionList.setCellFactory(list -> new ListCell<>() {
            // A long line (a Thai status, the wallet, a refund) wraps within the list instead of running past its edge;
            // WrappedText breaks it, as JavaFX's own wrapping lays Thai out wrongly.
            private final WrappedText line = new WrappedText();

            {
                setPrefWidth(0);
                line.getStyleClass().add("list-line");
            }

            @Override
            protected void updateItem(Sale sale, boolean empty) {
                super.updateItem(sale, empty);
                getStyleClass().remove("refund-owed");
                setText(null);
                if (empty || sale == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                line.setText(model.words().listLine(sale));
                setGraphic(line);
                setTooltip(new Tooltip(line.getText()));
                if (sale.refundOwed() && sale.refundableAmount() > 0) {
                    getStyleClass().add("refund-owed");
                }
            }
        });
        transactionList.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.transactions().selectedProperty().set(now);
            }
        });
        details.textProperty().bind(model.transactions().detailsProperty());
        refundAmount.textProperty().bindBidirectional(model.transactions().refundAmountTextProperty());
        refundAmount.disableProperty().bind(model.transactions().refundAvailableProperty().not());
        confirmRecoveredButton.visibleProperty().bind(model.transactions().confirmRecoveredAvailableProperty());
        confirmRecoveredButton.managedProperty().bind(confirmRecoveredButton.visibleProperty());
        refundButton.disableProperty().bind(model.transactions().refundAvailableProperty().not());
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
        ticker.play();
        amountField.requestFocus();
    }

    void reword() {
        model.reword();
        transactionList.refresh();
    }

    void deactivate() {
        ticker.stop();
        model.deactivate();
    }

    @FXML
    void newSale() {
        model.sale().newSale();
        amountField.requestFocus();
    }

    @FXML
    void stopWaiting() {
        model.sale().stopWaiting();
    }

    @FXML
    void expire() {
        model.sale().expire();
    }

    @FXML
    void approve() {
        model.phone().approve();
    }

    @FXML
    void decline() {
        model.phone().decline();
    }

    @FXML
    void refund() {
        model.transactions().refundSelected();
    }

    /** Ctrl+P: the slip of the sale selected in the list when the list has the focus, else of the sale on the panel. */
    void printSlip() {
        model.printSlip(transactionList.isFocused());
    }

    @FXML
    void confirmRecovered() {
        model.transactions().confirmSelectedRecovered();
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
