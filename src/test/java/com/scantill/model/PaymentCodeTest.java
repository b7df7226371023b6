package com.scantill.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"100000000000000000", "130991292552725093", "159999999999999999", " 134567890123456789\r\n"})
    void eighteenDigitsStartingTenToFifteenAreWeChatPay(String scanned) {
        PaymentCode code = PaymentCode.parse(scanned);

        assertThat(code.digits()).isEqualTo(scanned.strip());
        assertThat(code.method()).isEqualTo(PaymentMethod.WECHAT_PAY);
        assertThat(code.wallet()).isEqualTo("WeChat Pay");
        assertThat(PaymentCode.isValid(scanned)).isTrue();
    }

    /** Every corner of Alipay's rule: the first and last of 25–30, the shortest and longest of 16–24 digits. */
    @ParameterizedTest
    @ValueSource(strings = {"2500000000000000", "250000000000000000000000", "3099999999999999", "309999999999999999999999",
        "286543210987654321", "2912345678901234567", " 281234567890123456 "})
    void sixteenToTwentyFourDigitsStartingTwentyFiveToThirtyAreAlipayPlus(String scanned) {
        PaymentCode code = PaymentCode.parse(scanned);

        assertThat(code.method()).isEqualTo(PaymentMethod.ALIPAY_PLUS);
        assertThat(code.wallet()).as("the code alone does not tell the wallet").isNull();
        assertThat(code.digits()).isEqualTo(scanned.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "090991292552725093", "160991292552725093", "13099129255272509", "1309912925527250931",
        "13099129255272509A", "https://example.com/x", "１３０９９１２９２５５２７２５０９３",
        // Just outside Alipay's rule: 24 and 31 as first digits, 15 and 25 digits long.
        "2499999999999999", "3100000000000000", "250000000000000", "2500000000000000000000000",
        // A WeChat Pay prefix at an Alipay length, and an Alipay prefix at 17 digits is fine but 10–15 at 16 is not.
        "1300000000000000", "13000000000000000000"})
    void refusesAnythingElseWithAMaskedEcho(String scanned) {
        assertThat(PaymentCode.isValid(scanned)).isFalse();
        assertThatThrownBy(() -> PaymentCode.parse(scanned))
                .isInstanceOf(InvalidPaymentCodeException.class)
                .hasMessageStartingWith("Not a payment code")
                .hasMessageContaining(PaymentCode.mask(scanned.strip()))
                .hasMessageContaining("18 digits starting 10 to 15 (wechat_pay_upm)")
                .hasMessageContaining("16 to 24 digits starting 25 to 30 (alipayplus_upm)");
    }

    @Test
    void refusesNothingRead() {
        assertThatThrownBy(() -> PaymentCode.parse(null)).isInstanceOf(InvalidPaymentCodeException.class);
    }

    @Test
    void showsOnlyTheLastFourDigits() {
        PaymentCode code = PaymentCode.parse("130991292552725093");

        assertThat(code.masked()).isEqualTo("**************5093");
        assertThat(code.lastFour()).isEqualTo("5093");
        assertThat(code).hasToString("**************5093");
        assertThat(PaymentCode.mask("12")).isEqualTo("12");
        assertThat(code).isEqualTo(PaymentCode.parse("130991292552725093")).hasSameHashCodeAs(PaymentCode.parse("130991292552725093"));
    }

    @Test
    void aWalletsOwnPrefixInsideAWiderRangeNamesThatWallet() {
        PaymentCodeFormats formats = PaymentCodeFormats.parse(List.of(
                "# a comment, then a blank line",
                "",
                "alipayplus_upm  25-30  16-24  -",
                "alipayplus_upm  2866   18     TrueMoney",
                "wechat_pay_upm  10-15  18     WeChat Pay"));

        assertThat(formats.formatOf("286612345678901234")).get().extracting(PaymentCodeFormats.Format::wallet).isEqualTo("TrueMoney");
        assertThat(formats.formatOf("2866123456789012345")).as("TrueMoney's line is 18 digits only")
                .get().extracting(PaymentCodeFormats.Format::wallet).isNull();
        assertThat(formats.formatOf("286512345678901234")).get().extracting(PaymentCodeFormats.Format::wallet).isNull();
        assertThat(formats.formatOf("130991292552725093")).get().extracting(PaymentCodeFormats.Format::method)
                .isEqualTo(PaymentMethod.WECHAT_PAY);
    }

    @Test
    void aLineTheTableCannotReadIsRefusedByItsNumber() {
        assertThatThrownBy(() -> PaymentCodeFormats.parse(List.of("wechat_pay_upm 10-15 18 WeChat Pay", "alipayplus_upm 25-3 16 -")))
                .hasMessageContaining("line 2").hasMessageContaining("25-3");
        assertThatThrownBy(() -> PaymentCodeFormats.parse(List.of("alipayplus_upm 25-30 16")))
                .hasMessageContaining("line 1").hasMessageContaining("four fields");
        assertThatThrownBy(() -> PaymentCodeFormats.parse(List.of("alipayplus_upm 25-30 24-16 -")))
                .hasMessageContaining("Lengths 24-16");
        assertThatThrownBy(() -> PaymentCodeFormats.parse(List.of("# nothing but comments"))).hasMessageContaining("No payment code format");
    }

    @Test
    void theShippedTableKnowsWeChatPayAndAlipayPlus() {
        assertThat(PaymentCodeFormats.standard().formats()).extracting(PaymentCodeFormats.Format::method)
                .containsExactlyInAnyOrder(PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY_PLUS);
        assertThat(PaymentMethod.ofSourceType(null)).isEqualTo(PaymentMethod.WECHAT_PAY);
        assertThat(PaymentMethod.ofSourceType("TrueMoney_JumpApp")).isEqualTo(new PaymentMethod("truemoney_jumpapp"))
                .matches(method -> !method.isChargeable());
    }
}
