package com.scantill.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "150000 | ฿1,500.00",
        "2000 | ฿20.00",
        "15000000 | ฿150,000.00",
        "0 | ฿0.00",
        "5 | ฿0.05",
        "99 | ฿0.99",
        "123456789012 | ฿1,234,567,890.12",
        "-150000 | -฿1,500.00",
        "-5 | -฿0.05"})
    void formatsSatangAsBaht(long satang, String shown) {
        assertThat(Money.format(satang)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1500 | 150000",
        "1,500.5 | 150050",
        "฿1,500.00 | 150000",
        "20. | 2000",
        "0.05 | 5",
        " 150000 | 15000000"})
    void readsBahtAsPeopleWriteIt(String text, long satang) {
        assertThat(Money.parse(text)).isEqualTo(satang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.234", "-5", "1e3", "12345678901"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an amount in baht");
    }

    @Test
    void everyAmountThatCanBeTypedFormatsAndTheOneLongWithNoPositiveIsRefused() {
        assertThat(Money.format(Money.parse("9999999999.99"))).isEqualTo("฿9,999,999,999.99");
        assertThat(Money.format(Long.MAX_VALUE)).startsWith("฿92,233,720,368,547,758.");
        assertThatThrownBy(() -> Money.format(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
