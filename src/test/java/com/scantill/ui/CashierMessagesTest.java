package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.Refusal;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sale told in each language. */
class CashierMessagesTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Test
    void aSalesWordsFollowTheLanguageOfTheMomentAndMoneyIsWrittenTheSameInBoth() {
        Language[] now = {Language.TH};
        CashierMessages words = new CashierMessages(() -> Words.of(now[0], BANGKOK));
        Sale paid = Sale.created("till-1-A", "till-1", "somchai", 150_000, "THB", PaymentMethod.WECHAT_PAY, "**************5093",
                Instant.parse("2026-11-26T10:05:09Z")).toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_1").build();

        assertThat(words.panelTitle(paid)).isEqualTo("ชำระแล้ว ฿1,500.00");
        assertThat(words.listLine(paid)).isEqualTo("17:05  …5093  ฿1,500.00  ชำระแล้ว  WeChat\u00A0Pay");
        SaleEvent created = SaleEvent.of(EventKind.SALE_CREATED, paid, "somchai", 150_000L, null, paid.createdAt());
        assertThat(words.details(paid, List.of(), List.of(created))).contains("ชำระแล้ว")
                .endsWith("ประวัติ:\n  17:05:09 สร้างรายการขาย โดย somchai");
        now[0] = Language.EN;
        assertThat(words.details(paid, List.of(), List.of(created))).endsWith("History:\n  17:05:09 sale created by somchai");
        assertThat(words.panelTitle(paid)).isEqualTo("PAID ฿1,500.00");
        assertThat(words.amount(1_999L)).isEqualTo("The least a payment can be is ฿20.00.");
    }

    @Test
    void anAlipayPlusSaleNamesItsWalletOnceOmiseDoesAndItsFailuresNameTheWalletTheCustomerKnows() {
        Language[] now = {Language.EN};
        CashierMessages words = new CashierMessages(() -> Words.of(now[0], BANGKOK));
        Sale sent = Sale.created("till-1-B", "till-1", "somchai", 95_000, "THB", PaymentMethod.ALIPAY_PLUS, "**************4567",
                Instant.parse("2026-11-26T10:05:09Z"));
        Sale failed = sent.toBuilder().status(SaleStatus.FAILED).wallet("TrueMoney").failure("insufficient_fund", "no money").build();

        assertThat(words.methodAndWallet(sent)).isEqualTo("Alipay+");
        assertThat(words.methodAndWallet(failed)).isEqualTo("Alipay+ · TrueMoney");
        assertThat(words.panelDetail(failed, false)).isEqualTo("Insufficient funds in the customer's TrueMoney. Ask for another payment method.");
        assertThat(words.panelDetail(sent.toBuilder().status(SaleStatus.PENDING).build(), false))
                .isEqualTo("Waiting for the customer to confirm the payment in Alipay+.");
        assertThat(words.listLine(failed)).isEqualTo("17:05  …4567  ฿950.00  NOT PAID  TrueMoney");
        assertThat(words.details(failed, List.of(), List.of())).contains("Payment code **************4567 · Alipay+ · TrueMoney");

        now[0] = Language.TH;
        Sale refusedByOmise = sent.toBuilder().status(SaleStatus.NOT_CREATED)
                .failure(CheckoutEngine.METHOD_NOT_ENABLED, "source type alipayplus_upm is not enabled for this account").build();
        assertThat(words.panelDetail(refusedByOmise, false)).startsWith("Omise ยังไม่ได้เปิดรับ Alipay+ ให้บัญชีของร้าน");
        assertThat(words.refusal(new Refusal(Refusal.Reason.METHOD_NOT_ENABLED, null, 0, 0, null, "alipayplus_upm")))
                .startsWith("นี่คือรหัสชำระเงิน Alipay+ และเครื่องนี้ยังไม่ได้เปิดรับ Alipay+");
    }
}
