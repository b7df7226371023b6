package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.app.StoreLink;
import com.scantill.ledger.Ledger;
import com.scantill.ledger.StoreReplication;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.WebhookSignature;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.testing.TestClients;
import com.scantill.testing.TestPostgres;
import com.scantill.webhooks.StoreService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till of a shop with a store, in test mode against the simulator, driven by keys: the store's state and its push
 * in the status bar, a sale seen paid through the push, and the manager's report of the whole shop read from the
 * store, where another till's sales are too.
 */
class ShopFlowTest {

    private static final String SECRET = Base64.getEncoder().encodeToString("shop flow secret".getBytes());

    @TempDir
    Path folder;

    private OmiseSimulator simulator;
    private OmiseClient serviceClient;
    private Ledger store;
    private StoreService service;
    private TillDriver till;

    @BeforeEach
    void openShop() throws Exception {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(500)));
        serviceClient = TestClients.clientFor(simulator);
        String url = TestPostgres.freshDatabaseUrl();
        store = Ledger.openStore(TestPostgres.pool(url), folder.resolve("store"));
        service = StoreService.start(store, serviceClient, WebhookSignature.withSecret(SECRET, Duration.ofMinutes(5)),
                StoreService.Options.standard().withPort(0).withHeartbeat(Duration.ofMillis(300)), Clock.systemUTC());
        simulator.sendWebhooksTo(service.webhookUri(), Duration.ZERO, SECRET);
        copyTillTwosDay(folder.resolve("till-2"));

        till = new TillDriver(folder.resolve("till-1"));
        till.set("omise.secretKey=skey_test_shopflowtill1\nomise.apiUrl=" + simulator.baseUri() + "\nstore.jdbcUrl=" + url
                + "\nstore.user=postgres");
        till.createOperators(folder.resolve("till-1").resolve("test-mode"));
        till.launchSignedIn("malee", "135790");
    }

    /** Another till of the shop made two sales today, already copied to the store. */
    private void copyTillTwosDay(Path tillFolder) {
        try (Ledger other = Ledger.open(tillFolder)) {
            Instant now = Instant.now();
            for (int i = 1; i <= 2; i++) {
                Sale sale = Sale.created("till-2-" + i, "till-2", "cashier-2", 20_000L * i, "THB", PaymentMethod.WECHAT_PAY,
                        "**************000" + i, now.minusSeconds(60L * i));
                other.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-2", sale.amount(), null, sale.createdAt()));
                Sale paid = sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_till2_" + i).fees(330, 23, sale.amount() - 353)
                        .paidAt(sale.createdAt().plusSeconds(5)).finishedAt(sale.createdAt().plusSeconds(5)).build();
                other.sales().update(paid, SaleEvent.of(EventKind.STATUS_SEEN, paid, null, null, "PENDING -> SUCCESSFUL",
                        sale.createdAt().plusSeconds(5)));
            }
            new StoreReplication(other, store, "till-2", Clock.systemUTC()).catchUp(100);
        }
    }

    @AfterEach
    void closeShop() throws Exception {
        till.close();
        service.close();
        store.close();
        serviceClient.close();
        simulator.close();
    }

    @Test
    void theStoreAndItsPushInTheStatusBarAPaymentSeenThroughThePushAndTheWholeShopsReport() {
        till.awaitText("#storeStatus", text -> text.equals("Store synced"));
        await().atMost(Duration.ofSeconds(15)).until(() -> till.runtime.storeLink().map(StoreLink::state)
                .map(StoreLink.State::pushed).orElse(false));
        Label storeStatus = till.robot.lookup("#storeStatus").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> storeStatus.getTooltip().getText().contains("comes through the store"));

        till.sell("150", "134567890123456712");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿150.00"));
        till.awaitText("#storeStatus", text -> text.equals("Store synced"));

        till.press(KeyCode.F10);
        ListView<?> transactions = till.robot.lookup("#reportTransactions").queryListView();
        await().atMost(Duration.ofSeconds(10)).until(() -> transactions.getItems().size() == 1);
        ComboBox<?> scope = till.robot.lookup("#reportScope").queryAs(ComboBox.class);
        assertThat(scope.isVisible()).isTrue();
        assertThat(scope.getButtonCell().getText()).isEqualTo("This till");

        till.focus("#reportScope");
        till.press(KeyCode.DOWN);

        await().atMost(Duration.ofSeconds(10)).until(() -> transactions.getItems().size() == 3);
        assertThat(scope.getButtonCell().getText()).isEqualTo("Whole shop (store)");
        ComboBox<?> tills = till.robot.lookup("#reportTill").queryAs(ComboBox.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> tills.getItems().size() == 3);
        assertThat(tills.getItems()).map(Object::toString).containsExactly(ReportModel.ALL_TILLS, "till-1", "till-2");
        ListView<?> totals = till.robot.lookup("#reportTotals").queryListView();
        assertThat(totals.getItems().get(0).toString()).contains("3").contains("฿750.00");

        // The whole shop checked against Omise from the store: till 2's charges are unknown to this simulator.
        till.press(KeyCode.F9);
        ListView<?> differences = till.robot.lookup("#reportDifferences").queryListView();
        await().atMost(Duration.ofSeconds(15)).until(() -> differences.getItems().size() == 2);
        till.awaitText("#reportCheckSummary", text -> text.contains("1 agree") && text.contains("2 differ"));
        till.press(KeyCode.F10);
        till.awaitText("#reportMessage", text -> text.contains("belongs to the till that made it"));
        till.robot.sleep(300);
        assertThat(till.robot.lookup("#pinOperator").query().isFocused()).as("no supervisor's PIN asked for").isFalse();
    }
}
