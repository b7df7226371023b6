package com.scantill.ui;

import com.scantill.app.ScannerSettings;
import com.scantill.app.SettingsStore;
import com.scantill.app.TillRuntime;
import com.scantill.model.Role;
import com.scantill.operators.Operator;
import com.scantill.reports.DailyReports;
import com.scantill.reports.PeriodReports;
import com.scantill.scanner.ScannerState;
import com.scantill.words.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's window: the status bar always on top, one screen at a time beneath it, and the supervisor's PIN
 * prompt over everything when asked for. Keys: F2 new sale, F3 stop waiting, F4 expire, F5/F7 the training phone,
 * F6 refund, F8 operators, F9 settings, F10 daily report, F11 confirm a sale recovered from Omise, F12 sign out, Ctrl+P
 * print the slip of the sale on the panel or selected in the list, Ctrl+F find a sale (manager: the sales screen's search), Esc
 * back or cancel, F1 ไทย/EN and Ctrl+Q quit (signed out). On the report: F11 on the receipt printer (F4 would also open the
 * day picker's calendar), F5/F6 print, F7 PDF, F8 CSV, F9 check against Omise, F10
 * accept Omise's state of the selected difference, F2 the sales screen. On the sales screen: Ctrl+1 to Ctrl+4 its tabs
 * (table, charts, days, find), F6 refund the sale found, Ctrl+P its slip, F7 PDF, F8 CSV.
 */
final class TillUi implements Navigation {

    private static final Logger log = LoggerFactory.getLogger(TillUi.class);

    private enum Screen { NONE, SETUP, SIGN_IN, TILL, OPERATORS, SETTINGS, REPORT, SALES }

    private final TillRuntime runtime;
    private final BackgroundExecutor background;
    private final SessionModel session = new SessionModel();
    private final LanguageModel language;
    private final CashierMessages words;
    private final StatusBarModel statusBar;
    private final PinPromptModel pinPrompt;
    private final SetupController setup;
    private final SignInController signIn;
    private final TillController till;
    private final OperatorsController operators;
    private final SettingsController settings;
    private final ReportController report;
    private final SalesController sales;
    private final PinPromptController pinPromptController;
    private final Parent setupView;
    private final Parent signInView;
    private final Parent tillView;
    private final Parent operatorsView;
    private final Parent settingsView;
    private final Parent reportView;
    private final Parent salesView;
    private final Parent pinPromptView;
    private final StackPane screenHolder = new StackPane();
    private final Scene scene;
    private final PauseTransition idle;
    private Screen screen = Screen.NONE;
    private Node focusBeforePrompt;

    TillUi(TillRuntime runtime, BackgroundExecutor background, Clock clock) {
        this.runtime = runtime;
        this.background = background;
        ZoneId shopZone = runtime.settings().options().shopZone();
        this.language = new LanguageModel(Language.of(runtime.settings().options().language()), shopZone);
        this.words = new CashierMessages(language::words);
        this.statusBar = new StatusBarModel(runtime, session, background, words);
        this.pinPrompt = new PinPromptModel(runtime.operators(), background, words);
        setup = new SetupController(new SetupModel(runtime.operators(), session, background, words));
        signIn = new SignInController(new SignInModel(runtime.operators(), session, background, words), this::toggleLanguage);
        till = new TillController(new TillModel(runtime, session, pinPrompt, background, clock, words), this, session::operator);
        operators = new OperatorsController(new OperatorsModel(runtime.operators(), session, background, words), this);
        settings = new SettingsController(new SettingsModel(new SettingsStore(runtime.settings().dataFolder(), System.getenv()),
                runtime.backups(), runtime.slips(), background, words), this);
        Supplier<Optional<ReportModel.Source>> shop = runtime.storeLink().isEmpty() ? null : () -> runtime.shopLedger()
                .map(store -> new ReportModel.Source(new DailyReports(store, clock), runtime.reconcilerOver(store)));
        report = new ReportController(new ReportModel(new ReportModel.Source(new DailyReports(runtime.ledger(), clock), runtime.reconciler()),
                shop, runtime.slips(), pinPrompt, session, background, runtime.settings().modeFolder(), shopZone, clock, words), this);
        Notice salesMessage = new Notice();
        TransactionsModel found = new TransactionsModel(runtime, session, new ApprovedActions(pinPrompt, background, salesMessage, words),
                background, salesMessage, clock, shopZone, words);
        Supplier<Optional<SalesModel.Source>> shopSales = runtime.storeLink().isEmpty() ? null : () -> runtime.shopLedger()
                .map(store -> new SalesModel.Source(store, new PeriodReports(store, clock)));
        sales = new SalesController(new SalesModel(new SalesModel.Source(runtime.ledger(), new PeriodReports(runtime.ledger(), clock)),
                shopSales, found, salesMessage, session, background, runtime.settings().modeFolder(), shopZone, clock, words), this);
        pinPromptController = new PinPromptController(pinPrompt);
        setupView = Views.load("setup.fxml", setup, language.wordsProperty());
        signInView = Views.load("sign-in.fxml", signIn, language.wordsProperty());
        tillView = Views.load("till.fxml", till, language.wordsProperty());
        operatorsView = Views.load("operators.fxml", operators, language.wordsProperty());
        settingsView = Views.load("settings.fxml", settings, language.wordsProperty());
        reportView = Views.load("report.fxml", report, language.wordsProperty());
        salesView = Views.load("sales.fxml", sales, language.wordsProperty());
        pinPromptView = Views.load("pin-prompt.fxml", pinPromptController, language.wordsProperty());

        BorderPane shell = new BorderPane();
        shell.setTop(Views.load("status-bar.fxml", new StatusBarController(statusBar), language.wordsProperty()));
        shell.setCenter(screenHolder);
        pinPromptView.visibleProperty().bind(pinPrompt.showingProperty());
        pinPrompt.showingProperty().addListener((observable, before, now) -> {
            if (now) {
                focusBeforePrompt = pinPromptView.getScene().getFocusOwner();
                pinPromptController.focus();
            } else if (focusBeforePrompt != null && focusBeforePrompt.getScene() == pinPromptView.getScene()
                    && !focusBeforePrompt.isDisabled()) {
                // Back where the operator was, as after any dialog: the search's results, not the screen's first field.
                focusBeforePrompt.requestFocus();
            }
        });
        StackPane root = new StackPane(shell, pinPromptView);
        // 1180×720, or the screen's room when it has less (a 1024×768 till, say): no part of the till off the screen.
        Rectangle2D room = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1180, room.getWidth()), Math.min(720, room.getHeight()));
        scene.getStylesheets().add(TillUi.class.getResource("scantill.css").toExternalForm());
        if (runtime.settings().scanner().driver() == ScannerSettings.Driver.KEYBOARD) {
            // First of the scene's key filters: a key pressed while typed digits are held waits for them.
            new KeyboardWedge(runtime.settings().scanner().keyboard(), runtime.scans()).attach(scene);
            runtime.scans().stateChanged(new ScannerState(KeyboardWedge.SCANNER_NAME, ScannerState.Status.CONNECTED,
                    ScannerState.Situation.KEYBOARD_READY));
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::functionKeys);

        idle = new PauseTransition(javafx.util.Duration.millis(runtime.settings().options().idleSignOut().toMillis()));
        idle.setOnFinished(event -> {
            if (session.operator() != null) {
                signOut(spoken(runtime.settings().options().idleSignOut()));
            }
        });
        scene.addEventFilter(KeyEvent.ANY, this::activity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
        session.operatorProperty().addListener((observable, before, now) -> operatorChanged(now));
        language.wordsProperty().addListener((observable, before, now) -> reword());

    }

    private String spoken(Duration idleFor) {
        long minutes = idleFor.toMinutes();
        return minutes >= 1 ? words.text(minutes == 1 ? "signedOut.idleMinute" : "signedOut.idleMinutes", minutes)
                : words.text(idleFor.toSeconds() == 1 ? "signedOut.idleSecond" : "signedOut.idleSeconds", idleFor.toSeconds());
    }

    /** Everything a view model has put in words already, in the language of the moment. */
    private void reword() {
        statusBar.reword();
        till.reword();
        report.reword();
        sales.reword();
        settings.reword();
    }

    @Override
    public void toggleLanguage() {
        if (screen == Screen.SIGN_IN) {
            language.toggleOnSignIn();
        }
    }

    Scene scene() {
        return scene;
    }

    StatusBarModel statusBar() {
        return statusBar;
    }

    /**
     * Shows the first screen: the first manager's setup on a new till, sign-in otherwise; then runs
     * {@code whenReady}.
     */
    void start(Runnable whenReady) {
        statusBar.activate();
        background.run(runtime.operators()::needFirstManager, firstRun -> {
            show(firstRun ? Screen.SETUP : Screen.SIGN_IN);
            whenReady.run();
        }, failure -> {
            show(Screen.SIGN_IN);
            whenReady.run();
        });
    }

    void stop() {
        idle.stop();
        statusBar.deactivate();
        if (screen == Screen.TILL) {
            till.deactivate();
        }
    }

    private void operatorChanged(Operator now) {
        if (now == null) {
            language.signedOut();
            idle.stop();
            show(Screen.SIGN_IN);
        } else {
            language.signedIn(now).ifPresent(chosen -> background.run(() -> {
                runtime.operators().rememberLanguage(now, chosen.code());
                return chosen;
            }, remembered -> { }, failure -> log.warn("The language {} of {} was not remembered: {}", chosen, now.id(),
                    failure.getMessage())));
            idle.playFromStart();
            show(Screen.TILL);
        }
    }

    private void activity(Event event) {
        if (session.operator() != null) {
            idle.playFromStart();
        }
    }

    @Override
    public void showTill() {
        show(Screen.TILL);
    }

    @Override
    public void showOperators() {
        if (may(Role.MANAGER)) {
            show(Screen.OPERATORS);
        }
    }

    @Override
    public void showSettings() {
        if (may(Role.MANAGER)) {
            show(Screen.SETTINGS);
        }
    }

    @Override
    public void showReport() {
        if (may(Role.MANAGER)) {
            show(Screen.REPORT);
        }
    }

    @Override
    public void showSales() {
        if (may(Role.MANAGER)) {
            show(Screen.SALES);
        }
    }

    @Override
    public void signOut(String why) {
        pinPrompt.cancel();
        session.signOut(why);
    }

    /** Whether this is a dedicated till: full screen, in front, closed only by a manager (setting {@code till.kiosk}). */
    boolean kiosk() {
        return runtime.settings().options().kiosk();
    }

    private boolean may(Role role) {
        return session.operator() != null && session.operator().may(role);
    }

    private void show(Screen next) {
        if (screen == Screen.TILL && next != Screen.TILL) {
            till.deactivate();
        }
        Screen previous = screen;
        screen = next;
        switch (next) {
            case SETUP -> {
                screenHolder.getChildren().setAll(setupView);
                setup.focus();
            }
            case SIGN_IN -> {
                screenHolder.getChildren().setAll(signInView);
                signIn.activate();
            }
            case TILL -> {
                screenHolder.getChildren().setAll(tillView);
                if (previous != Screen.TILL) {
                    till.activate();
                }
            }
            case OPERATORS -> {
                screenHolder.getChildren().setAll(operatorsView);
                operators.activate();
            }
            case SETTINGS -> {
                screenHolder.getChildren().setAll(settingsView);
                settings.activate();
            }
            case REPORT -> {
                screenHolder.getChildren().setAll(reportView);
                report.activate();
            }
            case SALES -> {
                screenHolder.getChildren().setAll(salesView);
                sales.activate();
            }
            case NONE -> screenHolder.getChildren().clear();
        }
    }

    private void functionKeys(KeyEvent event) {
        if (event.isConsumed()) {
            // Held back by the keyboard wedge, to come again after the characters typed before it.
            return;
        }
        if (pinPrompt.showingProperty().get()) {
            if (event.getCode() == KeyCode.ESCAPE) {
                pinPrompt.cancel();
                event.consume();
            }
            return;
        }
        boolean handled = true;
        switch (screen) {
            case TILL -> {
                if (event.getCode() == KeyCode.P && event.isShortcutDown()) {
                    till.printSlip();
                } else if (event.getCode() == KeyCode.F && event.isShortcutDown() && may(Role.MANAGER)) {
                    show(Screen.SALES);
                    sales.showTab(SalesController.FIND_TAB);
                } else if (event.getCode() == KeyCode.Q && event.isShortcutDown() && kiosk() && may(Role.MANAGER)) {
                    // A dedicated till closes only by a manager's sign-out to the desktop.
                    signOut("signed out to the desktop");
                    scene.getWindow().hide();
                } else {
                    handled = tillKey(event.getCode());
                }
            }
            case OPERATORS -> handled = backOn(event, operators::back);
            case REPORT -> {
                switch (event.getCode()) {
                    case F11 -> report.printOnTheRoll();
                    case F5 -> report.printA4();
                    case F6 -> report.printReceipt();
                    case F7 -> report.savePdf();
                    case F8 -> report.saveCsv();
                    case F9 -> report.checkAgainstOmise();
                    case F10 -> report.acceptOmiseState();
                    case F2 -> showSales();
                    default -> handled = backOn(event, report::back);
                }
            }
            case SALES -> handled = salesKey(event);
            case SETTINGS -> {
                if (event.getCode() == KeyCode.S && event.isShortcutDown()) {
                    settings.save();
                } else if (event.getCode() == KeyCode.B && event.isShortcutDown()) {
                    settings.backUp();
                } else if (event.getCode() == KeyCode.T && event.isShortcutDown()) {
                    settings.printTestSlip();
                } else {
                    handled = backOn(event, settings::back);
                }
            }
            case SIGN_IN -> {
                if (event.getCode() == KeyCode.F1) {
                    toggleLanguage();
                } else if (event.getCode() == KeyCode.Q && event.isShortcutDown() && !kiosk()) {
                    // As closing the window: the application stops and closes the ledger. Only when nobody is signed in.
                    scene.getWindow().hide();
                } else {
                    handled = false;
                }
            }
            default -> handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    /**
     * The sales screen's keys: Ctrl+1 to Ctrl+4 its tabs, F6 refund the sale found, Ctrl+P its slip, F7 PDF, F8 CSV,
     * Esc back.
     */
    private boolean salesKey(KeyEvent event) {
        if (event.isShortcutDown() && event.getCode() == KeyCode.P) {
            sales.printSlip();
            return true;
        }
        if (event.isShortcutDown() && event.getCode().isDigitKey()) {
            int tab = event.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (tab >= 0 && tab < SalesController.TABS) {
                sales.showTab(tab);
                return true;
            }
            return false;
        }
        switch (event.getCode()) {
            case F6 -> sales.refund();
            case F7 -> sales.savePdf();
            case F8 -> sales.saveCsv();
            default -> {
                return backOn(event, sales::back);
            }
        }
        return true;
    }

    /** The till screen's function keys; false for a key that is none of them. */
    private boolean tillKey(KeyCode key) {
        switch (key) {
            case F2 -> till.newSale();
            case F3 -> till.stopWaiting();
            case F4 -> till.expire();
            case F5 -> till.approve();
            case F6 -> till.refund();
            case F7 -> till.decline();
            case F8 -> till.operators();
            case F9 -> till.settings();
            case F10 -> till.report();
            case F11 -> till.confirmRecovered();
            case F12 -> till.signOut();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean backOn(KeyEvent event, Runnable back) {
        if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.F12) {
            back.run();
            return true;
        }
        return false;
    }
}
