package com.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.omise.Charge;
import com.scantill.omise.ChargeStatus;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.Source;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that merge what Omise says of a charge into the sale it was made for, as pure functions. */
class SaleFromChargeTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T03:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(40);
    private static final String REFERENCE = "till-1-261126030000000-abc";

    private static Sale pending() {
        return Sale.created(REFERENCE, "till-1", "cashier-1", 10_000, "THB", PaymentMethod.WECHAT_PAY, "**************0001", CREATED).toBuilder()
                .status(SaleStatus.PENDING).chargeId("chrg_test_1").build();
    }

    private static Charge charge(ChargeStatus status) {
        return charge("chrg_test_1", 10_000, "thb", REFERENCE, status, null, 0);
    }

    private static Charge charge(String id, long amount, String currency, String tillReference, ChargeStatus status,
                                 String failureCode, long refunded) {
        return charge(id, amount, currency, tillReference, status, failureCode, refunded,
                new Source("source", "src_test_1", false, null, "wechat_pay_upm", "offline", amount, currency,
                        "130991292552725093", null, status, null, null, null, null, CREATED));
    }

    /** An Alipay+ charge whose source names the wallet, as the simulator's does. */
    private static Charge alipayCharge(ChargeStatus status, String provider) {
        return charge("chrg_test_1", 10_000, "thb", REFERENCE, status, null, 0, new Source("source", "src_test_1", false, null,
                "alipayplus_upm", "offline", 10_000, "thb", "2812345678901234567", provider, status, null, null, null, null, CREATED));
    }

    private static Charge charge(String id, long amount, String currency, String tillReference, ChargeStatus status,
                                 String failureCode, long refunded, Source source) {
        return new Charge("charge", id, null, false, amount, currency, amount - 250, 230, 20, 0, 0, amount, currency, refunded,
                null, null, null, null, null, null, Map.of(CreateChargeRequest.TILL_REFERENCE_KEY, tillReference), source, null,
                failureCode, failureCode == null ? null : "it failed", status, null, null, CREATED,
                status == ChargeStatus.SUCCESSFUL ? CREATED.plusSeconds(30) : null, null, null, null, false, false, false, false,
                false, true, true, false, false, false, status == ChargeStatus.SUCCESSFUL, status == ChargeStatus.EXPIRED);
    }

    @Test
    void aPaidChargeMakesThePendingSalePaidWithItsFeesAndTime() {
        Sale paid = SaleFromCharge.merged(pending(), charge(ChargeStatus.SUCCESSFUL), NOW);

        assertThat(paid.status()).isEqualTo(SaleStatus.SUCCESSFUL);
        assertThat(paid.fee()).isEqualTo(230);
        assertThat(paid.feeVat()).isEqualTo(20);
        assertThat(paid.net()).isEqualTo(9_750);
        assertThat(paid.paidAt()).isEqualTo(CREATED.plusSeconds(30));
        assertThat(paid.finishedAt()).isEqualTo(NOW);
        assertThat(paid.refundOwed()).isFalse();
        assertThat(SaleFromCharge.change(pending(), paid)).isEqualTo("PENDING -> SUCCESSFUL");
    }

    @Test
    void aChargePaidAfterTheSaleWasExpiredAbandonedOrSettledAsNotChargedLeavesARefundOwed() {
        Sale expired = pending().toBuilder().expireRequested(true).build();
        Sale abandoned = pending().toBuilder().abandoned(true).build();
        Sale notCreated = pending().toBuilder().status(SaleStatus.NOT_CREATED).chargeId(null).build();

        for (Sale before : new Sale[] {expired, abandoned, notCreated}) {
            Sale after = SaleFromCharge.merged(before, charge(ChargeStatus.SUCCESSFUL), NOW);
            assertThat(after.refundOwed()).as(before.toString()).isTrue();
            assertThat(after.status()).isEqualTo(SaleStatus.SUCCESSFUL);
        }
        assertThat(SaleFromCharge.change(expired, SaleFromCharge.merged(expired, charge(ChargeStatus.SUCCESSFUL), NOW)))
                .isEqualTo("PENDING -> SUCCESSFUL; paid after the sale was expired: refund ฿100.00");
        assertThat(SaleFromCharge.change(notCreated, SaleFromCharge.merged(notCreated, charge(ChargeStatus.SUCCESSFUL), NOW)))
                .endsWith("paid after the sale was settled as not charged: refund ฿100.00");
    }

    @Test
    void onlyAFailedChargeCarriesAFailureAndAStaleOneIsDropped() {
        Sale failed = SaleFromCharge.merged(pending(), charge("chrg_test_1", 10_000, "THB", REFERENCE, ChargeStatus.FAILED,
                "insufficient_fund", 0), NOW);
        Sale notCreated = pending().toBuilder().status(SaleStatus.NOT_CREATED).failure("not_created", "no charge found").build();

        assertThat(failed.failureCode()).isEqualTo("insufficient_fund");
        assertThat(SaleFromCharge.change(pending(), failed)).isEqualTo("PENDING -> FAILED: insufficient_fund");
        assertThat(SaleFromCharge.merged(notCreated, charge(ChargeStatus.PENDING), NOW).failureCode()).isNull();
    }

    @Test
    void aStatusThisVersionDoesNotKnowKeepsTheSaleFollowed() {
        Sale after = SaleFromCharge.merged(pending(), charge(ChargeStatus.UNKNOWN), NOW);

        assertThat(after.status()).isEqualTo(SaleStatus.PENDING);
        assertThat(after.finishedAt()).isNull();
    }

    @Test
    void refundsOmiseMadeAreTakenInButNeverBeyondTheAmountNorBackwards() {
        Sale partlyRefunded = pending().toBuilder().status(SaleStatus.SUCCESSFUL).refundedAmount(3_000).build();

        assertThat(SaleFromCharge.merged(partlyRefunded, charge("chrg_test_1", 10_000, "THB", REFERENCE,
                ChargeStatus.SUCCESSFUL, null, 1_000), NOW).refundedAmount()).isEqualTo(3_000);
        assertThat(SaleFromCharge.merged(partlyRefunded, charge("chrg_test_1", 10_000, "THB", REFERENCE,
                ChargeStatus.SUCCESSFUL, null, 99_000), NOW).refundedAmount()).isEqualTo(10_000);
    }

    @Test
    void aFinishedSaleKeepsTheTimeItFinishedWhenOmiseSaysTheSameAgain() {
        Sale paid = SaleFromCharge.merged(pending(), charge(ChargeStatus.SUCCESSFUL), NOW);

        assertThat(SaleFromCharge.merged(paid, charge(ChargeStatus.SUCCESSFUL), NOW.plusSeconds(60))).isEqualTo(paid);
    }

    @Test
    void aChargeThatIsNotTheSalesIsToldApartByEachField() {
        assertThat(SaleFromCharge.mismatch(pending(), charge(ChargeStatus.PENDING))).isEmpty();
        assertThat(SaleFromCharge.mismatch(pending(), charge("chrg_test_2", 10_000, "THB", REFERENCE, ChargeStatus.PENDING,
                null, 0))).contains("id chrg_test_2 instead of chrg_test_1");
        assertThat(SaleFromCharge.mismatch(pending(), charge("chrg_test_1", 2_000, "THB", REFERENCE, ChargeStatus.PENDING,
                null, 0))).contains("amount 2000 instead of 10000");
        assertThat(SaleFromCharge.mismatch(pending(), charge("chrg_test_1", 10_000, "USD", REFERENCE, ChargeStatus.PENDING,
                null, 0))).contains("currency USD instead of THB");
        assertThat(SaleFromCharge.mismatch(pending(), charge("chrg_test_1", 10_000, "THB", "till-1-other",
                ChargeStatus.PENDING, null, 0))).contains("till reference till-1-other instead of " + REFERENCE);
        assertThat(SaleFromCharge.mismatch(pending(), alipayCharge(ChargeStatus.PENDING, null)))
                .contains("payment method alipayplus_upm instead of wechat_pay_upm");
    }

    @Test
    void theWalletOmiseNamesIsKeptAndAnAnswerWithoutItForgetsNothing() {
        Sale alipay = Sale.created(REFERENCE, "till-1", "cashier-1", 10_000, "THB", PaymentMethod.ALIPAY_PLUS,
                "***************4567", CREATED).toBuilder().status(SaleStatus.PENDING).chargeId("chrg_test_1").build();

        Sale named = SaleFromCharge.merged(alipay, alipayCharge(ChargeStatus.PENDING, " KakaoPay "), NOW);
        Sale paid = SaleFromCharge.merged(named, alipayCharge(ChargeStatus.SUCCESSFUL, null), NOW);

        assertThat(SaleFromCharge.mismatch(alipay, alipayCharge(ChargeStatus.PENDING, null))).isEmpty();
        assertThat(named.wallet()).isEqualTo("KakaoPay");
        assertThat(paid.wallet()).isEqualTo("KakaoPay");
        assertThat(paid.status()).isEqualTo(SaleStatus.SUCCESSFUL);
        Sale recovered = SaleFromCharge.recovered(alipayCharge(ChargeStatus.SUCCESSFUL, "TrueMoney"), "till-1", NOW);
        assertThat(recovered).extracting(Sale::method, Sale::wallet, Sale::paymentCodeMasked)
                .containsExactly(PaymentMethod.ALIPAY_PLUS, "TrueMoney", "***************4567");
    }

    @Test
    void aSaleTakenBackFromOmiseComesFromItsChargesMetadataAndKeepsTheWholeCode() {
        Charge charge = charge(ChargeStatus.SUCCESSFUL);

        Sale recovered = SaleFromCharge.recovered(charge, "till-1", NOW);

        assertThat(recovered.tillReference()).isEqualTo(REFERENCE);
        assertThat(recovered.operatorId()).isEqualTo("unknown");
        assertThat(recovered.currency()).isEqualTo("THB");
        assertThat(recovered.paymentCodeMasked()).isEqualTo("**************5093");
        assertThat(recovered.recoveredFromOmise()).isTrue();
        assertThat(SaleFromCharge.paymentCode(charge)).map(code -> code.digits()).contains("130991292552725093");
    }
}
