package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.simulator.MerchantAccount;
import com.scantill.simulator.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Alipay+ wallet at the counter, by keys only: the manager switches Alipay+ on, the cashier scans a TrueMoney code
 * and sees the wallet; with Alipay+ off, or Omise not enabling it, nothing is charged and each says what to do.
 */
class AlipayPlusFlowTest {

    private static final String TRUEMONEY_CODE = "2812345678901234567";

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

    private long chargeRequests() {
        return till.simulator().requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).count();
    }

    @Test
    void theManagerSwitchesAlipayPlusOnAndTheCashierTakesATrueMoneyPayment() throws Exception {
        till.launchSignedIn("malee", "135790");
        till.press(KeyCode.F9);
        till.awaitText("#keyHint", text -> text.equals("none (training mode)"));
        CheckBox alipay = till.robot.lookup("#method-alipayplus_upm").queryAs(CheckBox.class);
        assertThat(alipay.getText()).isEqualTo("Alipay+");
        assertThat(alipay.isSelected()).isFalse();
        assertThat(till.robot.lookup("#method-wechat_pay_upm").queryAs(CheckBox.class).isSelected()).isTrue();
        till.focus("#method-alipayplus_upm");
        till.press(KeyCode.SPACE);
        till.robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        till.awaitText("#settingsMessage", text -> text.startsWith("Saved."));
        assertThat(Files.readString(dataFolder.resolve("settings.properties"))).contains("payment.methods=wechat_pay_upm,alipayplus_upm");

        till.press(KeyCode.ESCAPE);
        till.press(KeyCode.F12);
        till.restart();
        till.signIn("somchai", "4321");
        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));
        till.sell("950", TRUEMONEY_CODE);

        till.awaitText("#panelTitle", text -> text.equals("PAID ฿950.00"));
        till.awaitText("#panelMethod", text -> text.equals("Alipay+ · TrueMoney"));
        Sale sale = till.runtime.ledger().sales().recentSales(1).get(0);
        assertThat(sale).extracting(Sale::method, Sale::wallet, Sale::status)
                .containsExactly(PaymentMethod.ALIPAY_PLUS, "TrueMoney", SaleStatus.SUCCESSFUL);
        await().atMost(Duration.ofSeconds(5)).until(() -> till.robot.lookup("#transactionList .list-line").queryAllAs(WrappedText.class)
                .stream().anyMatch(line -> line.getText().endsWith("…4567  ฿950.00  PAID  TrueMoney")));

        till.press(KeyCode.F2);
        till.awaitText("#panelMethod", String::isEmpty);
    }

    @Test
    void withAlipayPlusOffItsCodeIsRefusedAndAnUnknownCodeNamesEveryFormat() throws Exception {
        till.launchSignedIn("somchai", "4321");
        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));
        till.typeInto("#amountField", "120");
        till.awaitText("#amountMessage", text -> text.startsWith("Scan"));

        till.scan(TRUEMONEY_CODE);
        till.awaitText("#message", text -> text.equals("This payment code is Alipay+, which is not switched on at this till. "
                + "Ask for another payment method; nothing was sent. A manager switches Alipay+ on in Settings (F9) once Omise "
                + "has enabled it for the shop."));

        till.scan("2412345678901234");
        till.awaitText("#message", text -> text.equals("Not a payment code: read \"************1234\" (16 characters). "
                + "A payment code is 18 digits starting 10 to 15 (WeChat Pay), or 16 to 24 digits starting 25 to 30 (Alipay+)."));
        assertThat(chargeRequests()).isZero();
        assertThat(till.runtime.ledger().sales().recentSales(5)).isEmpty();
        assertThat(till.text("#panelTitle")).isEqualTo("฿120.00");
    }

    @Test
    void omiseNotEnablingAlipayPlusTellsTheCashierNothingWasChargedAndTheCodeMayBeScannedAgain() throws Exception {
        till.set("payment.methods=wechat_pay_upm,alipayplus_upm");
        till.launchSignedIn("somchai", "4321");
        till.simulator().account().setEnabled(MerchantAccount.ALIPAY_PLUS_UPM, false);
        till.awaitText("#amountMessage", text -> text.startsWith("Key the amount"));

        till.sell("300", TRUEMONEY_CODE);

        till.awaitText("#panelTitle", text -> text.equals("NOT CHARGED ฿300.00"));
        assertThat(till.text("#panelDetail")).isEqualTo("Omise has not switched Alipay+ on for this shop's account, so nothing "
                + "was charged. Ask for another payment method. A manager asks Opn Payments to enable Alipay+, or switches it "
                + "off in Settings (F9).");
        assertThat(till.text("#panelMethod")).isEqualTo("Alipay+");

        till.simulator().account().setEnabled(MerchantAccount.ALIPAY_PLUS_UPM, true);
        till.sell("300", TRUEMONEY_CODE);
        till.awaitText("#panelTitle", text -> text.equals("PAID ฿300.00"));
        assertThat(chargeRequests()).isEqualTo(2);
    }
}
