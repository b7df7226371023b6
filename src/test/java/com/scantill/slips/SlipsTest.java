package com.scantill.slips;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a slip says of the payment method, in both languages, beside the picture that carries it. */
class SlipsTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private final Slips slips = new Slips(new ShopDetails("Baan Suan Coffee", "", "", "", List.of(), List.of()), "till-1",
            PrinterSettings.Paper.MM80);

    private static Sale paid(PaymentMethod method, String wallet) {
        return Sale.created("till-1-A", "till-1", "somchai", 95_000, "THB", method, "**************4567",
                Instant.parse("2026-11-26T10:05:09Z")).toBuilder().status(SaleStatus.SUCCESSFUL).wallet(wallet)
                .chargeId("chrg_test_1").build();
    }

    @Test
    void anAlipayPlusSlipNamesTheMethodInItsTitleAndTheWalletOmiseNamed() {
        Slip slip = slips.sale(paid(PaymentMethod.ALIPAY_PLUS, "TrueMoney"), Slips.Copy.CUSTOMER, false, "Somchai",
                Words.of(Language.EN, BANGKOK));

        assertThat(slip.text()).contains("Alipay+ payment", "Paid with  Alipay+ · TrueMoney", "Amount  ฿950.00");
        assertThat(slip.image().getHeight()).isPositive();
    }

    @Test
    void aWeChatPaySlipSaysWeChatPayInThaiAndEnglish() {
        Sale sale = paid(PaymentMethod.WECHAT_PAY, null);

        assertThat(slips.sale(sale, Slips.Copy.CUSTOMER, false, "Somchai", Words.of(Language.EN, BANGKOK)).text())
                .contains("WeChat Pay payment", "Paid with  WeChat Pay");
        assertThat(slips.sale(sale, Slips.Copy.CUSTOMER, false, "สมชาย", Words.of(Language.TH, BANGKOK)).text())
                .contains("ชำระเงินด้วย WeChat Pay", "ชำระด้วย  WeChat Pay");
        assertThat(slips.sale(paid(PaymentMethod.ALIPAY_PLUS, null), Slips.Copy.CUSTOMER, false, "สมชาย",
                Words.of(Language.TH, BANGKOK)).text()).contains("ชำระเงินด้วย Alipay+", "ชำระด้วย  Alipay+");
    }
}
