package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.app.TillRuntime;
import com.scantill.ledger.LostRows;
import com.scantill.model.EventKind;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.operators.Operators;
import com.scantill.reports.DailyReports;
import com.scantill.reports.ReportFixtures;
import com.scantill.reports.ReportLayout;
import com.scantill.words.Language;
import com.scantill.words.Words;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.Fault;
import com.scantill.simulator.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Whole flows through the real application, headless, in training mode against its embedded simulator: what the
 * cashier, the supervisor and the manager see and press.
 */
class TillFlowTest {

    private static final String SECRET_KEY = "skey_test_5y4zomdqoboas2g9rdsettings";

    @TempDir
    Path dataFolder;

    private TillDriver till;
    private FxRobot robot;
    private TillRuntime runtime;

    @BeforeEach
    void prepareTheTill() throws Exception {
        till = new TillDriver(dataFolder);
        robot = till.robot;
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    /** A till with its three operators, one of them signed in. */
    private void signedIn(String id, String pin) throws Exception {
        till.launchSignedIn(id, pin);
        runtime = till.runtime;
    }

    /** Sells by keys and a scan, waits until the panel shows {@code title}, and returns the sale. */
    private Sale sellPaid(String amount, String code, String title) {
        till.sell(amount, code);
        till.awaitText("#panelTitle", text -> text.equals(title));
        return onlySale();
    }

    private Sale onlySale() {
        List<Sale> sales = runtime.ledger().sales().recentSales(10);
        assertThat(sales).hasSize(1);
        return sales.get(0);
    }

    // --- the flows ---

    @Test
    void firstRunSetsUpTheManagerWhoSignsOutAndInAgain() throws Exception {
        till.launch();
        runtime = till.runtime;

        till.awaitText("#setupId", text -> true);
        till.awaitFocus("#setupId");
        till.type("malee");
        till.press(KeyCode.ENTER);
        till.awaitFocus("#setupName");
        till.type("Malee");
        till.press(KeyCode.ENTER);
        till.awaitFocus("#setupPin");
        till.type("135790");
        till.press(KeyCode.ENTER);
        till.awaitFocus("#setupPinAgain");
        till.type("135790");
        till.press(KeyCode.ENTER);

        till.awaitText("#operatorStatus", text -> text.equals("Malee (manager)"));
        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));
        till.press(KeyCode.F12);
        till.awaitText("#operatorStatus", text -> text.equals("Nobody signed in"));
        till.signIn("malee", "135790");
        till.awaitText("#operatorStatus", text -> text.equals("Malee (manager)"));
        assertThat(runtime.ledger().operators().find("malee").orElseThrow().pinHash()).startsWith("pbkdf2-sha256$");
    }

    @Test
    void aSaleIsPaidAndTheAmountIsCheckedAsTyped() throws Exception {
        signedIn("somchai", "4321");

        till.awaitText("#amountField", text -> true);
        till.awaitFocus("#amountField");
        till.typeInto("#amountField", "19.99");
        till.awaitText("#amountMessage", text -> text.equals("The least a payment can be is ฿20.00."));
        till.scan("130991292552725093");
        till.awaitText("#message", text -> text.equals("Key the amount before scanning the payment code. Nothing was sent."));
        till.typeInto("#amountField", "150001");
        till.awaitText("#amountMessage", text -> text.equals("The most a payment can be is ฿150,000.00."));

        Sale paid = sellPaid("1500", "130991292552725093", "PAID ฿1,500.00");
        assertThat(till.text("#panelDetail")).contains(paid.chargeId());
        assertThat(paid.operatorId()).isEqualTo("somchai");
        assertThat(till.text("#amountField")).as("a finished sale clears the amount").isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#transactionList").queryListView().getItems().size() == 1);

        till.press(KeyCode.F2);
        till.awaitText("#panelTitle", text -> text.equals("Ready"));
        assertThat(till.text("#amountField")).isEmpty();
    }

    @Test
    void eachFailureTellsTheCashierWhatToDo() throws Exception {
        signedIn("somchai", "4321");
        String[][] failures = {
            {"130000000000000001", "The payment code expired"},
            {"130000000000000002", "WeChat Pay declined the payment"},
            {"130000000000000003", "account cannot pay here"},
            {"130000000000000004", "Insufficient funds"},
            {"130000000000000005", "could not process the payment"}};

        for (String[] failure : failures) {
            till.sell("250", failure[0]);

            till.awaitText("#panelTitle", text -> text.equals("NOT PAID ฿250.00"));
            assertThat(till.text("#panelDetail")).contains(failure[1]);
            Sale failed = runtime.ledger().sales().recentSales(1).get(0);
            assertThat(failed.failureCode()).isEqualTo(CustomerScript.FAILING_CODES.get(failure[0]));
            assertThat(failed.paymentCodeMasked()).endsWith(failure[0].substring(14));
        }
    }

    @Test
    void aChargePendingPastTheLimitIsExpiredWithASupervisorsPinAndAWrongPinIsRefused() throws Exception {
        signedIn("somchai", "4321");

        till.sell("80", CustomerScript.NEVER_CONFIRMS_CODE);
        till.awaitText("#panelTitle", text -> text.equals("WAITING ฿80.00"));
        till.awaitText("#elapsed", text -> text.matches("0:0\\d"));
        till.awaitText("#panelDetail", text -> text.contains("A supervisor can expire the charge"));

        till.press(KeyCode.F4);
        till.approveAsSupervisor("wanida", "0000");
        till.awaitText("#pinMessage", text -> text.equals("Wrong operator id or PIN."));
        till.approveAsSupervisor("somchai", "4321");
        till.awaitText("#pinMessage", text -> text.contains("needs a supervisor"));
        till.approveAsSupervisor("wanida", "864213");

        till.awaitText("#panelTitle", text -> text.equals("EXPIRED — NOT PAID ฿80.00"));
        Sale expired = onlySale();
        assertThat(expired.status()).isEqualTo(SaleStatus.EXPIRED);
        assertThat(runtime.ledger().sales().events(expired.tillReference())).filteredOn(event -> event.kind() == EventKind.EXPIRE_REQUESTED)
                .singleElement().extracting(SaleEvent::operatorId).isEqualTo("wanida");
    }

    @Test
    void aSupervisorRefundsPartOfASaleAndThenTheRest() throws Exception {
        signedIn("somchai", "4321");
        till.sell("1,000", "134567890123456789");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿1,000.00"));

        till.focus("#transactionList");
        till.press(KeyCode.HOME);
        till.awaitText("#refundAmount", text -> text.equals("1,000.00"));
        till.typeInto("#refundAmount", "250");
        till.press(KeyCode.F6);
        till.approveAsSupervisor("wanida", "864213");
        till.awaitText("#message", text -> text.equals("Refunded ฿250.00, approved by Wanida."));

        till.awaitText("#refundAmount", text -> text.equals("750.00"));
        till.press(KeyCode.F6);
        till.approveAsSupervisor("malee", "135790");
        till.awaitText("#message", text -> text.equals("Refunded ฿750.00, approved by Malee."));

        Sale refunded = onlySale();
        assertThat(refunded.refundedAmount()).isEqualTo(100_000);
        assertThat(runtime.ledger().sales().refunds(refunded.tillReference())).extracting(RefundRecord::approvedBy)
                .containsExactly("wanida", "malee");
        assertThat(till.simulator().charge(refunded.chargeId()).orElseThrow().refundedAmount()).isEqualTo(100_000);
        till.awaitText("#details", text -> text.contains("Refunded ฿1,000.00"));
    }

    @Test
    void aLostAnswerShowsCheckingUntilTheChargeIsFound() throws Exception {
        till.createOperators();
        till.launch();
        runtime = till.runtime;
        till.simulator().faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());
        till.simulator().faults().once(Route.LIST_CHARGES, new Fault.Latency(Duration.ofMillis(800)));
        till.signIn("somchai", "4321");

        till.sell("300", "134567890123456780");

        till.awaitText("#panelTitle", text -> text.equals("CHECKING… ฿300.00"));
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿300.00"));
        assertThat(runtime.ledger().sales().events(onlySale().tillReference())).extracting(SaleEvent::kind)
                .contains(EventKind.OUTCOME_UNKNOWN, EventKind.RECONCILED_FOUND);
        assertThat(till.simulator().charges()).hasSize(1);
    }

    @Test
    void theTraineeDeclinesOnTheCustomersPhone() throws Exception {
        signedIn("somchai", "4321");

        till.sell("99", CustomerScript.NEVER_CONFIRMS_CODE);
        till.awaitText("#panelTitle", text -> text.startsWith("WAITING"));
        till.press(KeyCode.F7);

        till.awaitText("#panelTitle", text -> text.equals("NOT PAID ฿99.00"));
        assertThat(onlySale().failureCode()).isEqualTo("payment_rejected");
    }

    @Test
    void fiveWrongPinsLockTheOperatorOut() throws Exception {
        till.createOperators();
        till.launch();
        runtime = till.runtime;

        for (int i = 1; i < Operators.MAX_ATTEMPTS; i++) {
            till.signIn("somchai", "1111");
            till.awaitText("#signInMessage", text -> text.equals("Wrong operator id or PIN."));
        }
        till.signIn("somchai", "1111");
        till.awaitText("#signInMessage", text -> text.contains("locked out"));
        till.signIn("somchai", "4321");
        till.awaitText("#signInMessage", text -> text.contains("locked out"));
        assertThat(till.text("#operatorStatus")).isEqualTo("Nobody signed in");

        till.signIn("malee", "135790");
        till.awaitText("#message", text -> text.equals("Locked out after wrong PINs: somchai (5 wrong). Check with them; "
                + "a PIN reset (F8) lifts the lock."));
    }

    @Test
    void theManagersSettingsAreSavedAndReloadedWithoutShowingTheKey() throws Exception {
        signedIn("malee", "135790");

        till.press(KeyCode.F9);
        till.awaitText("#keyHint", text -> text.equals("none (training mode)"));
        till.typeInto("#newKey", SECRET_KEY);
        till.typeInto("#tillId", "front-2");
        till.typeInto("#pendingLimit", "45");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        till.awaitText("#settingsMessage", text -> text.startsWith("Saved."));
        assertThat(robot.lookup("#settingsMessage").query().getStyleClass()).contains("notice-done").doesNotContain("notice-problem");

        till.press(KeyCode.ESCAPE);
        till.press(KeyCode.F9);
        till.awaitText("#keyHint", text -> text.equals("skey_test_…"));
        assertThat(till.text("#newKey")).isEmpty();
        assertThat(till.text("#tillId")).isEqualTo("front-2");
        assertThat(till.text("#pendingLimit")).isEqualTo("45");
        assertThat(robot.lookup(node -> node instanceof Labeled labeled && labeled.getText() != null
                && labeled.getText().contains("5y4zomdq")).queryAll()).isEmpty();
        assertThat(robot.lookup(node -> node instanceof TextInputControl input && input.getText() != null
                && input.getText().contains("5y4zomdq")).queryAll()).isEmpty();
        assertThat(robot.lookup(node -> node instanceof WrappedText text && text.getText().contains("5y4zomdq")).queryAll()).isEmpty();
        Path file = dataFolder.resolve("settings.properties");
        assertThat(Files.readString(file)).contains("omise.secretKey=" + SECRET_KEY).contains("till.id=front-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.backups().backups().isEmpty());
        int backupsBefore = runtime.backups().backups().size();
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        till.awaitText("#settingsMessage", text -> text.startsWith("Ledger backed up to " + till.trainingFolder().resolve("backups")));
        assertThat(runtime.backups().backups()).hasSize(backupsBefore + 1);
    }

    @Test
    void aCashierSeesNoManagersButtons() throws Exception {
        signedIn("somchai", "4321");

        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));
        assertThat(robot.lookup("#settingsButton").query().isVisible()).isFalse();
        till.press(KeyCode.F9);
        assertThat(robot.lookup("#keyHint").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
    }

    @Test
    void aManagerAddsACashierWhoThenSignsIn() throws Exception {
        signedIn("malee", "135790");

        till.press(KeyCode.F8);
        till.awaitText("#newId", text -> true);
        till.awaitFocus("#newId");
        till.typeInto("#newId", "nok");
        till.typeInto("#newName", "Nok");
        till.typeInto("#operatorPin", "7531");
        till.press(KeyCode.ENTER);
        till.awaitText("#operatorsMessage", text -> text.equals("Added nok."));
        assertThat(robot.lookup("#operatorsMessage").query().getStyleClass()).contains("notice-done");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#operatorList").queryListView().getItems().size() == 4);

        till.press(KeyCode.ESCAPE);
        till.press(KeyCode.F12);
        till.signIn("nok", "7531");
        till.awaitText("#operatorStatus", text -> text.equals("Nok (cashier)"));
    }

    @Test
    void theKeypadKeysTheAmount() throws Exception {
        till.createOperators();
        till.launch();
        till.signIn("somchai", "4321");

        for (String key : new String[] {"#key-1", "#key-2", "#key-5", "#key-0", "#key-point", "#key-5", "#key-delete", "#key-7"}) {
            till.click(key);
        }

        till.awaitText("#amountShown", text -> text.equals("฿1,250.70"));
        assertThat(till.text("#amountField")).isEqualTo("1250.7");
    }

    @Test
    void anIdleOperatorIsSignedOut() throws Exception {
        Files.writeString(dataFolder.resolve("settings.properties"), "till.idleSignOutMinutes=0.03\n", StandardOpenOption.APPEND);
        till.createOperators();
        till.launch();
        till.signIn("somchai", "4321");
        till.awaitText("#operatorStatus", text -> text.equals("Somchai (cashier)"));

        till.awaitText("#signInMessage", text -> text.equals("Signed out after 2 seconds without use."));
        assertThat(till.text("#operatorStatus")).isEqualTo("Nobody signed in");
    }

    @Test
    void theManagersDailyReportIsShownSavedAsPdfAndCsvAndOnlyForManagers() throws Exception {
        signedIn("somchai", "4321");
        till.sell("1500", "134567890123456789");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿1,500.00"));
        till.press(KeyCode.F10);
        assertThat(robot.lookup("#reportDay").tryQuery()).isEmpty();
        till.press(KeyCode.F12);

        till.signIn("malee", "135790");
        till.awaitText("#operatorStatus", text -> text.equals("Malee (manager)"));
        till.press(KeyCode.F10);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#reportTotals").queryListView().getItems()
                .contains("Successful: 1 · ฿1,500.00"));
        assertThat(robot.lookup("#reportTransactions").queryListView().getItems()).hasSize(1);

        till.press(KeyCode.F7);
        till.awaitText("#reportMessage", text -> text.startsWith("Saved ") && text.endsWith(".pdf"));
        till.press(KeyCode.F8);
        till.awaitText("#reportMessage", text -> text.endsWith("-transactions.csv and " + till.trainingFolder().resolve("reports")
                .resolve("daily-" + LocalDate.now(DailyReports.BANGKOK) + "-all-totals.csv")));
        try (var files = Files.list(till.trainingFolder().resolve("reports"))) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).hasSize(3)
                    .allMatch(name -> name.startsWith("daily-") && name.contains("-all"));
        }
        till.press(KeyCode.F5);
        till.awaitText("#reportMessage", text -> text.startsWith("No printer is set up") || text.startsWith("Print"));
    }

    @Test
    void aManagerChecksTheDayAgainstOmiseAndASupervisorAcceptsARefundMadeInTheDashboardAllByKeys() throws Exception {
        signedIn("malee", "135790");
        Sale paid = sellPaid("800", "134567890123456780", "PAID ฿800.00");
        runtime.connection().client().createRefund(paid.chargeId(), new CreateRefundRequest(20_000, "dashboard"));

        till.press(KeyCode.F10);
        till.awaitText("#reportCheckSummary", text -> text.equals("Not checked against Omise yet"));
        till.press(KeyCode.F9);
        till.awaitText("#reportCheckSummary", text -> text.matches("Checked against Omise at \\d\\d:\\d\\d — 0 agree, 1 differ"));
        ListView<?> differences = robot.lookup("#reportDifferences").queryListView();
        assertThat(differences.getItems()).hasSize(1);

        // The first difference still standing is selected: F10 goes straight to it.
        till.press(KeyCode.F10);
        till.approveAsSupervisor("wanida", "864213");

        till.awaitText("#reportMessage", text -> text.equals("Omise's state of sale " + paid.tillReference()
                + " accepted by Wanida: PAID."));
        assertThat(runtime.ledger().sales().sale(paid.tillReference()).orElseThrow().refundedAmount()).isEqualTo(20_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> differences.getItems().size() == 1
                && differences.getItems().get(0).toString().contains("settledBy=wanida"));
    }

    @Test
    void aSaleTheLedgerLostIsTakenBackFromOmiseAndASupervisorConfirmsItByKeys() throws Exception {
        signedIn("somchai", "4321");
        Sale paid = sellPaid("300", "134567890123456781", "PAID ฿300.00");

        till.restart(() -> LostRows.forgetSale(till.trainingFolder(), paid.tillReference()));
        runtime = till.runtime;
        till.signIn("somchai", "4321");
        till.awaitFocus("#amountField");
        ListView<?> transactions = robot.lookup("#transactionList").queryListView();
        await().atMost(Duration.ofSeconds(10)).until(() -> transactions.getItems().stream()
                .anyMatch(item -> item instanceof Sale sale && sale.recoveredFromOmise()));

        till.focus("#transactionList");
        till.press(KeyCode.HOME);
        till.press(KeyCode.F11);
        till.approveAsSupervisor("wanida", "864213");

        till.awaitText("#message", text -> text.equals("Sale " + paid.tillReference() + " confirmed as a real sale by Wanida."));
        assertThat(runtime.ledger().sales().sale(paid.tillReference()).orElseThrow().recoveredFromOmise()).isFalse();
        assertThat(runtime.ledger().sales().events(paid.tillReference())).extracting(SaleEvent::kind)
                .containsSubsequence(EventKind.RECOVERED_FROM_OMISE, EventKind.RECOVERY_CONFIRMED);
    }

    @Test
    void printedPagesFitTheirPaper() throws Exception {
        till.createOperators();
        till.launch();
        runtime = till.runtime;
        var report = ReportFixtures.dayOf(500);

        for (Language language : Language.values()) {
            for (ReportLayout layout : ReportLayout.values()) {
                double printable = layout.textWidth();
                AtomicReference<List<Node>> pages = new AtomicReference<>();
                robot.interact(() -> {
                    pages.set(ReportPrinter.pages(report, layout, Words.of(language, TestWords.BANGKOK), printable));
                    pages.get().forEach(page -> new Group(page).applyCss());
                });
                assertThat(pages.get()).as(language + " " + layout).isNotEmpty().allSatisfy(page -> {
                    assertThat(page.getBoundsInParent().getHeight()).isLessThanOrEqualTo(layout.pageHeight() - 2 * layout.margin());
                    assertThat(page.getBoundsInParent().getWidth()).isLessThanOrEqualTo(printable + 1);
                });
            }
        }
    }

    @Test
    void theCashierStopsWaitingAndIsToldToRefundWhenTheCustomerPaysLater() throws Exception {
        signedIn("somchai", "4321");

        till.sell("120", CustomerScript.NEVER_CONFIRMS_CODE);
        till.awaitText("#panelDetail", text -> text.contains("stop waiting (F3)"));
        till.press(KeyCode.F3);
        till.awaitText("#message", text -> text.startsWith("Stopped waiting for sale"));
        till.awaitText("#panelTitle", text -> text.equals("Ready"));
        Sale abandoned = onlySale();
        assertThat(abandoned.abandoned()).isTrue();
        assertThat(abandoned.status()).isEqualTo(SaleStatus.PENDING);

        runtime.connection().client().markAsPaid(abandoned.chargeId());

        till.awaitText("#refundWarning", text -> text.startsWith("REFUND OWED: sale " + abandoned.tillReference())
                && text.contains("after it was abandoned"));
        till.sell("45", "134567890123400001");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿45.00"));
    }
}
