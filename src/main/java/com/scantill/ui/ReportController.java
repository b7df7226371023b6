package com.scantill.ui;

import com.scantill.model.ReconciliationDifference;
import com.scantill.model.Sale;
import com.scantill.reports.ReportLayout;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

final class ReportController {

    private final ReportModel model;
    private final Navigation navigation;
    @FXML
    private DatePicker reportDay;
    @FXML
    private ComboBox<ReportModel.Scope> reportScope;
    @FXML
    private Label reportScopeLabel;
    @FXML
    private ComboBox<String> reportTill;
    @FXML
    private ListView<String> reportTotals;
    @FXML
    private ListView<Sale> reportTransactions;
    @FXML
    private ListView<ReconciliationDifference> reportDifferences;
    @FXML
    private WrappedText reportCheckSummary;
    @FXML
    private WrappedText reportMessage;

    ReportController(ReportModel model, Navigation navigation) {
        this.model = model;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        reportDay.setConverter(dayConverter());
        reportDay.valueProperty().bindBidirectional(model.dayProperty());
        reportScope.setItems(model.scopes());
        reportScope.setCellFactory(list -> scopeCell());
        reportScope.setButtonCell(scopeCell());
        reportScope.valueProperty().bindBidirectional(model.scopeProperty());
        // Only a till with a shop's store has a choice to make.
        boolean shop = model.scopes().size() > 1;
        for (Node node : new Node[] {reportScope, reportScopeLabel}) {
            node.setVisible(shop);
            node.setManaged(shop);
        }
        reportTill.setItems(model.tills());
        reportTill.setCellFactory(list -> tillCell());
        reportTill.setButtonCell(tillCell());
        reportTill.valueProperty().bindBidirectional(model.tillProperty());
        reportTotals.setItems(model.totals());
        reportTransactions.setItems(model.transactions());
        reportTransactions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Sale sale, boolean empty) {
                super.updateItem(sale, empty);
                setText(empty || sale == null ? null : model.transactionLine(sale));
            }
        });
        reportDifferences.setItems(model.differences());
        reportCheckSummary.textProperty().bind(model.checkSummaryProperty());
        reportDifferences.setCellFactory(list -> new ListCell<>() {
            {
                // What differs, then what to do, each wrapped to the list's width: nothing hidden past its edge.
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(ReconciliationDifference difference, boolean empty) {
                super.updateItem(difference, empty);
                setText(empty || difference == null ? null : model.differenceText(difference));
            }
        });
        reportDifferences.getSelectionModel().selectedItemProperty().addListener((observable, before, now) ->
                model.selectedDifferenceProperty().set(now));
        // The first difference still standing is selected, so that F10 acts on it without reaching for the list.
        model.differences().addListener((ListChangeListener<ReconciliationDifference>) change -> {
            List<ReconciliationDifference> shown = reportDifferences.getItems();
            int first = IntStream.range(0, shown.size()).filter(i -> !shown.get(i).settled()).findFirst().orElse(-1);
            if (first >= 0) {
                reportDifferences.getSelectionModel().clearAndSelect(first);
            }
        });
        reportMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(reportMessage);
    }

    void reword() {
        model.reword();
        reportTill.setButtonCell(tillCell());
        reportScope.setButtonCell(scopeCell());
        reportDay.setConverter(dayConverter());
    }

    private DayConverter dayConverter() {
        return new DayConverter(model::dayText, model::readDay, reportDay);
    }

    void activate() {
        model.activate();
        reportDay.requestFocus();
    }

    @FXML
    void printA4() {
        print(ReportLayout.A4);
    }

    @FXML
    void printReceipt() {
        print(ReportLayout.RECEIPT_80MM);
    }

    private void print(ReportLayout layout) {
        if (model.reportProperty().get() != null) {
            model.tellPrinted(ReportPrinter.print(model.reportProperty().get(), layout, model.currentWords(),
                    reportDay.getScene().getWindow()));
        }
    }

    @FXML
    void printOnTheRoll() {
        model.printOnTheRoll();
    }

    @FXML
    void savePdf() {
        model.savePdf(ReportLayout.A4);
    }

    @FXML
    void saveCsv() {
        model.saveCsv();
    }

    @FXML
    void checkAgainstOmise() {
        model.checkAgainstOmise();
    }

    @FXML
    void acceptOmiseState() {
        model.acceptOmiseState();
    }

    @FXML
    void openSales() {
        navigation.showSales();
    }

    @FXML
    void back() {
        navigation.showTill();
    }

    private ListCell<ReportModel.Scope> scopeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ReportModel.Scope choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : model.scopeName(choice));
            }
        };
    }

    /** A till choice as the manager reads it, in the language of the moment. */
    private ListCell<String> tillCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : model.tillName(choice));
            }
        };
    }
}
