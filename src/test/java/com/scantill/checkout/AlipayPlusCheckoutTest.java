package com.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.Fault;
import com.scantill.simulator.MerchantAccount;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Alipay+ wallet's payment code through the whole engine, against the simulator over real HTTP and a real H2
 * ledger: the same flow as WeChat Pay, told apart only by the source type sent and the method kept.
 */
class AlipayPlusCheckoutTest {

    @TempDir
    Path dataFolder;

    private OmiseSimulator simulator;
    private Till till;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(200)));
        till = new Till(simulator, dataFolder);
        till.reconfigure(till.settings.withMethods(Set.of(PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY_PLUS)));
        simulator.clearRequests();
    }

    @AfterEach
    void stop() {
        till.close();
        simulator.close();
    }

    /** A fresh Alipay+ code: {@code prefix}, then random digits to 18. */
    private static PaymentCode alipayCode(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < 18) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return PaymentCode.parse(digits.toString());
    }

    /** A code the simulated customer answers with {@code outcome} (1–5 fail, 9 never confirms). */
    private static PaymentCode scriptedAlipayCode(int outcome) {
        return PaymentCode.parse(CustomerScript.ALIPAY_SCRIPTED_PREFIX + "1234567" + outcome);
    }

    private String sell(long amount, PaymentCode code) {
        return till.engine.startSale(amount, code, "cashier-1").join().tillReference();
    }

    private List<RecordedRequest> creations() {
        return simulator.requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).toList();
    }

    @Test
    void anAlipayPlusCodeIsChargedAsAlipayPlusAndTheWalletOmiseNamesIsKept() {
        String reference = sell(150_000, alipayCode("28"));

        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        assertThat(creations()).singleElement().satisfies(request -> {
            assertThat(request.params()).containsEntry("source[type]", "alipayplus_upm").containsEntry("amount", "150000")
                    .containsEntry("currency", "THB").containsEntry("metadata[till_reference]", reference);
            assertThat(request.params().get("source[barcode]")).startsWith("28").hasSize(18);
        });
        assertThat(sale.method()).isEqualTo(PaymentMethod.ALIPAY_PLUS);
        assertThat(sale.wallet()).isEqualTo("TrueMoney");
        assertThat(sale.fee()).isEqualTo(2475);
        assertThat(till.ledger.sales().events(reference)).extracting(SaleEvent::kind).containsExactly(EventKind.SALE_CREATED,
                EventKind.CHARGE_REQUESTED, EventKind.CHARGE_CREATED, EventKind.STATUS_SEEN);

        till.stop();
        till.open();
        assertThat(till.ledger.sales().sale(reference).orElseThrow()).extracting(Sale::method, Sale::wallet)
                .containsExactly(PaymentMethod.ALIPAY_PLUS, "TrueMoney");
    }

    @Test
    void aWeChatPayCodeIsStillChargedAsWeChatPayTheWalletItsFormatNames() {
        String reference = sell(5_000, PaymentCode.parse("134567890123456789"));

        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        assertThat(creations()).singleElement().extracting(request -> request.params().get("source[type]")).isEqualTo("wechat_pay_upm");
        assertThat(sale.method()).isEqualTo(PaymentMethod.WECHAT_PAY);
        assertThat(sale.wallet()).isEqualTo("WeChat Pay");
    }

    @Test
    void aCodeOfAMethodNotSwitchedOnIsRefusedAndNothingIsWrittenOrSent() {
        till.reconfigure(till.settings.withMethods(Set.of(PaymentMethod.WECHAT_PAY)));
        simulator.clearRequests();

        Throwable refused = catchThrowable(() -> sell(10_000, alipayCode("25")));

        assertThat(CheckoutEngineTest.refusalOf(refused)).extracting(Refusal::reason, Refusal::detail)
                .containsExactly(Refusal.Reason.METHOD_NOT_ENABLED, "alipayplus_upm");
        assertThat(simulator.requests()).isEmpty();
        assertThat(till.ledger.sales().recentSales(10)).isEmpty();
    }

    @Test
    void omiseRefusingTheMethodForTheAccountSettlesTheSaleAsNotChargedAndSaysWhy() {
        simulator.account().setEnabled(MerchantAccount.ALIPAY_PLUS_UPM, false);
        PaymentCode code = alipayCode("27");

        String reference = sell(10_000, code);

        Sale sale = till.awaitStatus(reference, SaleStatus.NOT_CREATED);
        assertThat(sale.failureCode()).isEqualTo(CheckoutEngine.METHOD_NOT_ENABLED);
        assertThat(sale.failureMessage()).contains("not enabled");
        assertThat(simulator.charges()).isEmpty();

        simulator.account().setEnabled(MerchantAccount.ALIPAY_PLUS_UPM, true);
        String again = sell(10_000, code);
        assertThat(till.awaitStatus(again, SaleStatus.SUCCESSFUL).method()).isEqualTo(PaymentMethod.ALIPAY_PLUS);
    }

    @Test
    void anAlipayCodeIsSpentEvenWhenItsPaymentFailed() {
        PaymentCode code = scriptedAlipayCode(4);
        String reference = sell(10_000, code);

        Sale failed = till.awaitStatus(reference, SaleStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("insufficient_fund");
        assertThat(failed.method()).isEqualTo(PaymentMethod.ALIPAY_PLUS);

        Throwable again = catchThrowable(() -> sell(10_000, code));
        assertThat(again).hasCauseInstanceOf(PaymentCodeUsedException.class);
    }

    @Test
    void aPendingAlipayPlusChargeIsExpiredAndAPaidOneRefundedAsAnyOther() {
        String pending = sell(10_000, scriptedAlipayCode(9));
        till.awaitStatus(pending, SaleStatus.PENDING);
        assertThat(till.engine.expire(pending, till.approveExpiry(pending)).join().sale().status()).isEqualTo(SaleStatus.EXPIRED);

        String paid = sell(80_000, alipayCode("29"));
        till.awaitStatus(paid, SaleStatus.SUCCESSFUL);
        RefundRecord refund = till.engine.refund(paid, 30_000, "cashier-1", till.approveRefund(paid, 30_000, "supervisor-1")).join();

        assertThat(refund.status()).isEqualTo(RefundStatus.DONE);
        assertThat(till.ledger.sales().sale(paid).orElseThrow()).extracting(Sale::refundedAmount, Sale::wallet)
                .containsExactly(30_000L, "KakaoPay");
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.EXPIRE_CHARGE).hasSize(1);
    }

    @Test
    void aLostAnswerIsReconciledByTheTillReferenceNeverSentTwice() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());

        String reference = sell(12_000, alipayCode("30"));

        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(creations()).hasSize(1);
        assertThat(simulator.charges()).singleElement().extracting(charge -> charge.tillReference()).isEqualTo(reference);
        assertThat(sale).extracting(Sale::method, Sale::wallet).containsExactly(PaymentMethod.ALIPAY_PLUS, "GCash");
        assertThat(till.ledger.sales().events(reference)).extracting(SaleEvent::kind).contains(EventKind.OUTCOME_UNKNOWN);
    }
}
