package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.EventKind;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.Fault;
import com.scantill.simulator.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cashiers really do at the counter, through the real application and by keys only: scanning twice, scanning
 * a used code, Enter and Esc in the supervisor's dialog, a refused key, a restart in the middle of a sale.
 */
class CounterFlowTest {

    @TempDir
    Path dataFolder;

    private TillDriver till;

    @BeforeEach
    void prepareTheTill() throws Exception {
        till = new TillDriver(dataFolder);
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    private void signedIn(String id, String pin) throws Exception {
        till.launchSignedIn(id, pin);
        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));
    }

    private long chargeRequests() {
        return till.simulator().requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).count();
    }

    private List<Sale> sales() {
        return till.runtime.ledger().sales().recentSales(20);
    }

    @Test
    void aScanAfterAPaidSaleChargesNothingAndTheUsedCodeIsRefused() throws Exception {
        signedIn("somchai", "4321");
        till.sell("950", "134567890123456789");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿950.00"));
        till.awaitText("#amountField", String::isEmpty);

        till.scan("134567890123456789");
        till.awaitText("#message", text -> text.equals("Key the amount of the new sale first, then scan. Nothing was sent."));
        till.scan("101234567890123456");
        till.awaitText("#message", text -> text.startsWith("Key the amount of the new sale first"));
        assertThat(till.text("#panelTitle")).isEqualTo("PAID ฿950.00");

        till.typeInto("#amountField", "950");
        till.awaitText("#panelTitle", text -> text.equals("฿950.00"));
        assertThat(till.text("#message")).as("the stale refusal is gone once the next sale starts").isEmpty();
        till.scan("134567890123456789");
        String paidAt = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Bangkok")).format(sales().get(0).createdAt());
        till.awaitText("#message", text -> text.equals("This payment code was already used (sale " + sales().get(0).tillReference()
                + ", PAID ฿950.00 at " + paidAt + "). Ask the customer to refresh the code. Nothing was sent."));
        assertThat(chargeRequests()).isEqualTo(1);
        assertThat(sales()).hasSize(1);

        till.scan("101234567890123456");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿950.00"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sales().size() == 2);
        assertThat(chargeRequests()).isEqualTo(2);
        assertThat(sales()).extracting(Sale::status).containsOnly(SaleStatus.SUCCESSFUL);
    }

    @Test
    void aCodeOfAFailedSaleIsRefusedAndTheCashierIsToldToAskForAFreshOne() throws Exception {
        signedIn("somchai", "4321");
        till.sell("250", "130000000000000002");
        till.awaitText("#panelTitle", text -> text.equals("NOT PAID ฿250.00"));

        till.sell("250", "130000000000000002");

        till.awaitText("#message", text -> text.startsWith("This payment code was already used (sale ")
                && text.contains("NOT PAID ฿250.00"));
        assertThat(chargeRequests()).isEqualTo(1);
    }

    @Test
    void enterApprovesInTheSupervisorsDialogEscCancelsItAndACancelledDialogDoesNothing() throws Exception {
        signedIn("somchai", "4321");
        till.sell("80", CustomerScript.NEVER_CONFIRMS_CODE);
        till.awaitText("#panelDetail", text -> text.contains("A supervisor can expire the charge"));

        till.press(KeyCode.F4);
        till.awaitText("#pinReason", text -> text.startsWith("Expire sale"));
        till.awaitFocus("#pinOperator");
        till.type("wanida");
        till.press(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !till.robot.lookup("#pinReason").query().getParent().getParent().isVisible());
        till.awaitFocus("#amountField");
        assertThat(till.simulator().requests()).noneMatch(request -> request.route() == Route.EXPIRE_CHARGE);

        till.press(KeyCode.F4);
        till.approveAsSupervisor("wanida", "0000");
        till.awaitText("#pinMessage", text -> text.equals("Wrong operator id or PIN."));
        Node message = till.robot.lookup("#pinMessage").query();
        assertThat(message.getStyleClass()).contains("notice-problem");
        till.typeInto("#pinField", "8");
        till.awaitText("#pinMessage", String::isEmpty);
        till.typeInto("#pinField", "864213");
        till.press(KeyCode.ENTER);

        till.awaitText("#panelTitle", text -> text.equals("EXPIRED — NOT PAID ฿80.00"));
        till.awaitText("#message", text -> text.equals("Expiry approved by Wanida."));
        assertThat(till.robot.lookup("#message").query().getStyleClass()).contains("notice-done");
    }

    @Test
    void aRefusedSecretKeyIsToldAsAConfigurationProblemAndStopsNewSales() throws Exception {
        signedIn("somchai", "4321");
        till.simulator().faults().once(Route.CREATE_CHARGE, new Fault.ErrorAnswer(401, "authentication_failure", null));

        till.sell("300", "134567890123456780");

        till.awaitText("#panelTitle", text -> text.equals("NOT CHARGED ฿300.00"));
        assertThat(till.text("#panelDetail")).startsWith("Omise refused the secret key").contains("Settings (F9)");
        till.awaitText("#apiStatus", text -> text.startsWith("Omise refused the secret key"));
        till.typeInto("#amountField", "300");
        till.awaitText("#panelTitle", text -> text.equals("OMISE REFUSED THE SECRET KEY"));
        till.scan("134567890123456781");
        till.awaitText("#message", text -> text.startsWith("Omise refused the secret key") && text.endsWith("Nothing was sent."));
        assertThat(chargeRequests()).isEqualTo(1);
    }

    @Test
    void aSaleLeftWaitingByARestartIsAnnouncedFollowedAndCanStillBeExpired() throws Exception {
        signedIn("somchai", "4321");
        till.sell("80", CustomerScript.NEVER_CONFIRMS_CODE);
        till.awaitText("#panelTitle", text -> text.equals("WAITING ฿80.00"));
        Sale waiting = sales().get(0);

        till.restart();
        assertThat(Files.readString(till.trainingFolder().resolve("training-charges.json"))).contains(waiting.chargeId());
        till.signIn("somchai", "4321");

        till.awaitText("#message", text -> text.equals("Recovered after restart: ฿80.00 WAITING, charge " + waiting.chargeId()
                + " (sale " + waiting.tillReference() + ")."));
        till.awaitText("#panelTitle", text -> text.equals("WAITING ฿80.00"));
        till.awaitText("#panelDetail", text -> text.contains("A supervisor can expire the charge"));
        till.press(KeyCode.F4);
        till.approveAsSupervisor("wanida", "864213");

        till.awaitText("#panelTitle", text -> text.equals("EXPIRED — NOT PAID ฿80.00"));
        till.awaitText("#message", text -> text.equals("Expiry approved by Wanida."));
        assertThat(till.runtime.ledger().sales().events(waiting.tillReference())).extracting(SaleEvent::kind)
                .contains(EventKind.RECOVERED).doesNotContain(EventKind.EXPIRE_FAILED);
    }

    @Test
    void ctrlQClosesTheTillOnlyWhenNobodyIsSignedIn() throws Exception {
        signedIn("somchai", "4321");
        javafx.stage.Window window = till.scene().getWindow();

        till.robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        Thread.sleep(500);
        assertThat(window.isShowing()).as("a signed-in cashier cannot close the till by accident").isTrue();

        till.press(KeyCode.F12);
        till.awaitFocus("#signInId");
        till.robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);

        await().atMost(Duration.ofSeconds(5)).until(() -> !window.isShowing());
    }

    @Test
    void timesAreTheShopsAndTheReportPicksAnIsoDayAndStartsOnAllTills() throws Exception {
        till.set("shop.timeZone=Pacific/Kiritimati");
        signedIn("malee", "135790");
        till.sell("150", "134567890123456700");
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿150.00"));

        ZoneId shop = ZoneId.of("Pacific/Kiritimati");
        String hour = DateTimeFormatter.ofPattern("HH:").format(ZonedDateTime.now(shop));
        await().atMost(Duration.ofSeconds(5)).until(() -> till.robot.lookup("#transactionList").queryListView().getItems().size() == 1);
        till.focus("#transactionList");
        till.press(KeyCode.HOME);
        till.awaitText("#details", text -> text.contains("Cashier malee · " + hour));

        till.press(KeyCode.F10);
        await().atMost(Duration.ofSeconds(10)).until(() -> till.robot.lookup("#reportTransactions").queryListView().getItems().size() == 1);
        DatePicker day = till.robot.lookup("#reportDay").queryAs(DatePicker.class);
        assertThat(day.getEditor().getText()).isEqualTo(ZonedDateTime.now(shop).toLocalDate().toString());
        ComboBox<?> tills = till.robot.lookup("#reportTill").queryAs(ComboBox.class);
        assertThat(tills.getValue()).isEqualTo(ReportModel.ALL_TILLS);
        assertThat(tills.getButtonCell().getText()).as("the choice as shown").isEqualTo("All tills");
    }
}
