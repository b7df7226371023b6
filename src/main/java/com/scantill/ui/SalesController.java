package com.scantill.ui;

import com.scantill.ledger.SaleOrder;
import com.scantill.model.Money;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.reports.PeriodReport;
import com.scantill.reports.ReportCharts;
import com.scantill.reports.ReportPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/** The manager's view of the sales (see {@link SalesModel}); Ctrl+1 to Ctrl+4 pick its tabs. */
final class SalesController {

    static final int TABS = 4;
    static final int FIND_TAB = 3;

    private final SalesModel model;
    private final Navigation navigation;
    @FXML
    private ComboBox<ReportPeriod.Preset> salesPreset;
    @FXML
    private DatePicker salesFirst;
    @FXML
    private DatePicker salesLast;
    @FXML
    private ComboBox<ReportModel.Scope> salesScope;
    @FXML
    private Label salesScopeLabel;
    @FXML
    private ComboBox<String> salesTill;
    @FXML
    private WrappedText salesPeriodTotals;
    @FXML
    private TabPane salesTabs;
    @FXML
    private ComboBox<SaleStatus> salesStatus;
    @FXML
    private ComboBox<String> salesOperator;
    @FXML
    private ComboBox<SaleOrder> salesOrder;
    @FXML
    private TableView<Sale> salesTable;
    @FXML
    private WrappedText salesFilteredSum;
    @FXML
    private BarChart<String, Number> paidByHourChart;
    @FXML
    private BarChart<String, Number> salesByHourChart;
    @FXML
    private BarChart<String, Number> paidByOperatorChart;
    @FXML
    private PieChart statusChart;
    @FXML
    private TableView<PeriodReport.DaySum> daysTable;
    @FXML
    private TextField salesSearch;
    @FXML
    private TableView<Sale> foundTable;
    @FXML
    private WrappedText foundDetails;
    @FXML
    private TextField foundRefundAmount;
    @FXML
    private Button foundRefund;
    @FXML
    private WrappedText salesMessage;
    private final ChangeListener<ReportCharts> chartsShown = (observable, before, now) -> drawCharts(now);
    /** The sales table's columns that sort in SQL: the order ascending, then descending. */
    private final Map<TableColumn<Sale, ?>, SaleOrder[]> sqlOrders = new HashMap<>();
    private boolean sortedByHeader;
    private final List<Fit<Sale>> saleFits = new ArrayList<>();
    private final List<Fit<Sale>> foundFits = new ArrayList<>();
    private final List<Fit<PeriodReport.DaySum>> dayFits = new ArrayList<>();

    /** A column and the text its cells show, to size it to what it holds. */
    private record Fit<T>(TableColumn<T, ?> column, Function<T, String> text) {
    }

    SalesController(SalesModel model, Navigation navigation) {
        this.model = model;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        choice(salesPreset, FXCollections.observableArrayList(ReportPeriod.Preset.values()), model::presetName, model.presetProperty());
        salesFirst.setConverter(dayConverter(salesFirst));
        salesLast.setConverter(dayConverter(salesLast));
        salesFirst.valueProperty().bindBidirectional(model.firstProperty());
        salesLast.valueProperty().bindBidirectional(model.lastProperty());
        choice(salesScope, model.scopes(), model::scopeName, model.scopeProperty());
        boolean shop = model.scopes().size() > 1;
        for (Node node : new Node[] {salesScope, salesScopeLabel}) {
            node.setVisible(shop);
            node.setManaged(shop);
        }
        choice(salesTill, model.tills(), model::tillName, model.tillProperty());
        salesPeriodTotals.textProperty().bind(model.periodTotalsProperty());

        choice(salesStatus, model.statuses(), model::statusName, model.statusProperty());
        choice(salesOperator, model.operators(), model::operatorName, model.operatorProperty());
        choice(salesOrder, FXCollections.observableArrayList(SaleOrder.values()), model::orderName, model.orderProperty());
        saleColumns(salesTable, saleFits);
        sqlOrders.clear();
        orderBy(salesTable, "sales.column.time", SaleOrder.OLDEST, SaleOrder.NEWEST);
        orderBy(salesTable, "sales.column.amount", SaleOrder.AMOUNT_LOWEST, SaleOrder.AMOUNT_HIGHEST);
        orderBy(salesTable, "sales.column.status", SaleOrder.STATUS, SaleOrder.STATUS);
        orderBy(salesTable, "sales.column.method", SaleOrder.METHOD, SaleOrder.METHOD);
        orderBy(salesTable, "sales.column.operator", SaleOrder.OPERATOR, SaleOrder.OPERATOR);
        orderBy(salesTable, "sales.column.till", SaleOrder.TILL, SaleOrder.TILL);
        salesTable.getColumns().forEach(column -> column.setSortable(sqlOrders.containsKey(column)));
        // A header sorts in SQL, over all the sales the filter picks, not only the 2,000 listed; the Sort choice says so.
        salesTable.setSortPolicy(table -> {
            if (!table.getSortOrder().isEmpty()) {
                TableColumn<Sale, ?> first = table.getSortOrder().get(0);
                SaleOrder[] orders = sqlOrders.get(first);
                sortedByHeader = true;
                model.orderProperty().set(first.getSortType() == TableColumn.SortType.ASCENDING ? orders[0] : orders[1]);
                sortedByHeader = false;
            }
            return true;
        });
        model.orderProperty().addListener((observable, before, now) -> {
            if (!sortedByHeader) {
                salesTable.getSortOrder().clear();
            }
        });
        salesTable.setItems(model.sales());
        salesFilteredSum.textProperty().bind(model.filteredSumTextProperty());

        dayColumns();
        daysTable.setItems(model.days());
        model.sales().addListener((ListChangeListener<Sale>) change -> fit(saleFits, model.sales()));
        model.found().transactions().addListener((ListChangeListener<Sale>) change -> fit(foundFits, model.found().transactions()));
        model.days().addListener((ListChangeListener<PeriodReport.DaySum>) change -> fit(dayFits, model.days()));
        model.chartsProperty().addListener(chartsShown);

        saleColumns(foundTable, foundFits);
        foundTable.setItems(model.found().transactions());
        foundTable.getSelectionModel().selectedItemProperty().addListener((observable, before, now) ->
                model.found().selectedProperty().set(now));
        foundDetails.textProperty().bind(model.found().detailsProperty());
        foundRefundAmount.textProperty().bindBidirectional(model.found().refundAmountTextProperty());
        foundRefundAmount.disableProperty().bind(model.found().refundAvailableProperty().not());
        foundRefund.disableProperty().bind(model.found().refundAvailableProperty().not());
        salesSearch.textProperty().bindBidirectional(model.searchTextProperty());
        salesMessage.textProperty().bind(model.messageProperty());
        model.notice().styles(salesMessage);
    }

    private void saleColumns(TableView<Sale> table, List<Fit<Sale>> fits) {
        fits.clear();
        table.getColumns().setAll(List.of(
                column(fits, "sales.column.time", model::time, Sale::createdAt),
                column(fits, "sales.column.method", model::method, model::method),
                column(fits, "sales.column.code", SalesController::lastFour, SalesController::lastFour),
                column(fits, "sales.column.amount", sale -> Money.format(sale.amount()), Sale::amount),
                column(fits, "sales.column.status", model::status, model::status),
                column(fits, "sales.column.failure", sale -> orEmpty(sale.failureCode()), sale -> orEmpty(sale.failureCode())),
                column(fits, "sales.column.refunded", sale -> sale.refundedAmount() == 0 ? "" : Money.format(sale.refundedAmount()),
                        Sale::refundedAmount),
                column(fits, "sales.column.charge", sale -> orEmpty(sale.chargeId()), sale -> orEmpty(sale.chargeId())),
                column(fits, "sales.column.operator", Sale::operatorId, Sale::operatorId),
                column(fits, "sales.column.till", Sale::tillId, Sale::tillId)));
        table.setPlaceholder(new Label(""));
        fit(fits, List.of());
    }

    private static String lastFour(Sale sale) {
        return "****" + sale.paymentCodeLastFour();
    }

    /**
     * Sizes each column to its widest text (the header, or one of the first rows) in the till's font: every figure and
     * id shown whole, the table scrolling sideways when it is wider than the screen.
     */
    private static <T> void fit(List<Fit<T>> fits, List<T> rows) {
        Text probe = new Text();
        probe.setFont(Font.font("ScanTill Sans", FontWeight.BOLD, 15));
        List<T> measured = rows.subList(0, Math.min(rows.size(), 300));
        for (Fit<T> fit : fits) {
            double width = width(probe, fit.column().getText());
            for (T row : measured) {
                width = Math.max(width, width(probe, fit.text().apply(row)));
            }
            fit.column().setPrefWidth(Math.ceil(width) + 30);
        }
    }

    private static double width(Text probe, String text) {
        probe.setText(text == null ? "" : text);
        return probe.getLayoutBounds().getWidth();
    }

    private void orderBy(TableView<Sale> table, String title, SaleOrder ascending, SaleOrder descending) {
        table.getColumns().stream().filter(column -> title.equals(column.getUserData())).findFirst()
                .ifPresent(column -> sqlOrders.put(column, new SaleOrder[] {ascending, descending}));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * A column that shows {@code text} and sorts by {@code key} (the time by the instant, amounts by their satang), sized
     * to its text among {@code fits}.
     */
    private TableColumn<Sale, Comparable<?>> column(List<Fit<Sale>> fits, String title, Function<Sale, String> text,
                                                    Function<Sale, Comparable<?>> key) {
        TableColumn<Sale, Comparable<?>> column = new TableColumn<>(model.columnTitle(title));
        fits.add(new Fit<>(column, text));
        column.setUserData(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(key.apply(cell.getValue())));
        column.setComparator(SalesController::compare);
        column.setCellFactory(list -> new TableCell<>() {
            @Override
            protected void updateItem(Comparable<?> item, boolean empty) {
                super.updateItem(item, empty);
                Sale sale = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(sale == null ? null : text.apply(sale));
            }
        });
        return column;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable<?> one, Comparable<?> other) {
        return ((Comparable) one).compareTo(other);
    }

    private void dayColumns() {
        daysTable.getColumns().setAll(List.of(
                dayColumn("sales.column.day", day -> model.dayText(day.day())),
                dayColumn("period.column.sales", day -> model.number(day.sales())),
                dayColumn("period.column.paid", day -> model.number(day.paid())),
                dayColumn("period.column.gross", day -> Money.format(day.gross())),
                dayColumn("period.column.fee", day -> Money.format(day.fee())),
                dayColumn("period.column.feeVat", day -> Money.format(day.feeVat())),
                dayColumn("period.column.net", day -> Money.format(day.net())),
                dayColumn("period.column.refunds", day -> Money.format(day.refundedAmount()))));
    }

    private TableColumn<PeriodReport.DaySum, String> dayColumn(String title, Function<PeriodReport.DaySum, String> text) {
        TableColumn<PeriodReport.DaySum, String> column = new TableColumn<>(model.columnTitle(title));
        dayFits.add(new Fit<>(column, text));
        column.setUserData(title);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private void drawCharts(ReportCharts charts) {
        for (BarChart<String, Number> chart : List.of(paidByHourChart, salesByHourChart, paidByOperatorChart)) {
            chart.getData().clear();
        }
        statusChart.getData().clear();
        if (charts == null) {
            return;
        }
        bars(paidByHourChart, charts.paidAmountByHour(), true);
        bars(salesByHourChart, charts.salesByHour(), false);
        bars(paidByOperatorChart, charts.paidAmountByOperator(), true);
        statusChart.setTitle(charts.statusShares().title());
        for (ReportCharts.Bar share : charts.statusShares().bars()) {
            if (share.value() > 0) {
                statusChart.getData().add(new PieChart.Data(share.label() + " " + share.valueText(), share.value()));
            }
        }
    }

    /** A chart of baht (satang shown as baht) or of counts, whose axis then shows whole numbers only. */
    private static void bars(BarChart<String, Number> chart, ReportCharts.Chart bars, boolean satang) {
        chart.setTitle(bars.title());
        // Twenty-four hours side by side: bars as wide as their hour, not hairlines.
        chart.setCategoryGap(bars.bars().size() > 8 ? 2 : 10);
        chart.setBarGap(0);
        if (!satang && chart.getYAxis() instanceof NumberAxis counts) {
            counts.setMinorTickVisible(false);
            counts.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number value) {
                    return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
                }

                @Override
                public Number fromString(String text) {
                    return Long.parseLong(text);
                }
            });
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ReportCharts.Bar bar : bars.bars()) {
            series.getData().add(new XYChart.Data<>(bar.label(), satang ? bar.value() / 100.0 : bar.value()));
        }
        chart.getData().add(series);
    }

    void reword() {
        model.reword();
        salesPreset.setButtonCell(cell(model::presetName));
        salesScope.setButtonCell(cell(model::scopeName));
        salesTill.setButtonCell(cell(model::tillName));
        salesStatus.setButtonCell(cell(model::statusName));
        salesOperator.setButtonCell(cell(model::operatorName));
        salesOrder.setButtonCell(cell(model::orderName));
        salesFirst.setConverter(dayConverter(salesFirst));
        salesLast.setConverter(dayConverter(salesLast));
        for (TableView<?> table : List.of(salesTable, foundTable, daysTable)) {
            table.getColumns().forEach(column -> column.setText(model.columnTitle((String) column.getUserData())));
        }
        fit(saleFits, model.sales());
        fit(foundFits, model.found().transactions());
        fit(dayFits, model.days());
        drawCharts(model.chartsProperty().get());
    }

    private DayConverter dayConverter(DatePicker picker) {
        return new DayConverter(model::dayText, model::readDay, picker);
    }

    /** A choice of {@code items}, each named in the language of the moment, bound both ways to the model's {@code value}. */
    private static <T> void choice(ComboBox<T> box, ObservableList<T> items, Function<T, String> name, Property<T> value) {
        box.setItems(items);
        box.setCellFactory(list -> cell(name));
        box.setButtonCell(cell(name));
        box.valueProperty().bindBidirectional(value);
    }

    private static <T> ListCell<T> cell(Function<T, String> name) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty ? null : name.apply(choice));
            }
        };
    }

    void activate() {
        model.activate();
        salesPreset.requestFocus();
    }

    /** Ctrl+1 to Ctrl+4: the table, the charts, the days, the search (which takes the typing at once). */
    void showTab(int index) {
        salesTabs.getSelectionModel().select(index);
        Node target = switch (index) {
            case 0 -> salesStatus;
            case 2 -> daysTable;
            case FIND_TAB -> salesSearch;
            default -> salesTabs;
        };
        focusWhenShown(target);
    }

    /** A tab's content joins the scene only when the tab pane next lays out: a node not yet in it takes no focus. */
    private static void focusWhenShown(Node target) {
        if (target.getScene() != null) {
            target.requestFocus();
            return;
        }
        target.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene before, Scene now) {
                if (now != null) {
                    target.sceneProperty().removeListener(this);
                    Platform.runLater(target::requestFocus);
                }
            }
        });
    }

    @FXML
    void find() {
        model.find();
        foundTable.getSelectionModel().clearSelection();
    }

    @FXML
    void refund() {
        model.found().refundSelected();
    }

    /** Ctrl+P: the slip of the sale found and selected, printed again. */
    @FXML
    void printSlip() {
        model.found().printSlip(model.found().selectedProperty().get());
    }

    @FXML
    void savePdf() {
        model.savePdf();
    }

    @FXML
    void saveCsv() {
        model.saveCsv();
    }

    @FXML
    void back() {
        navigation.showTill();
    }
}
