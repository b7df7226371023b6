package com.scantill.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"100000000000000000", "130991292552725093", "159999999999999999", " 134567890123456789\r\n"})
    void acceptsEighteenDigitsStartingTenToFifteen(String scanned) {
        PaymentCode code = PaymentCode.parse(scanned);

        assertThat(code.digits()).isEqualTo(scanned.strip());
        assertThat(PaymentCode.isValid(scanned)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "090991292552725093", "160991292552725093", "13099129255272509", "1309912925527250931",
        "13099129255272509A", "https://example.com/x", "１３０９９１２９２５５２７２５０９３"})
    void refusesAnythingElseWithAMaskedEcho(String scanned) {
        assertThat(PaymentCode.isValid(scanned)).isFalse();
        assertThatThrownBy(() -> PaymentCode.parse(scanned))
                .isInstanceOf(InvalidPaymentCodeException.class)
                .hasMessageStartingWith("Not a WeChat Pay payment code")
                .hasMessageContaining(PaymentCode.mask(scanned.strip()));
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
}
