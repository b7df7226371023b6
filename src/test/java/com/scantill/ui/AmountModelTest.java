package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The amount the cashier keys, checked as it is typed; no toolkit needed. */
class AmountModelTest {

    private final AmountModel amount = new AmountModel(TestWords.ENGLISH);

    @Test
    void theKeypadBuildsTheAmountAndSaysWhetherItCanBeCharged() {
        assertThat(amount.messageProperty().get()).isEqualTo("Key the amount: ฿20.00 to ฿150,000.00.");

        for (String key : new String[] {"1", "5", "00", ".", "5"}) {
            amount.keypad(key);
        }

        assertThat(amount.textProperty().get()).isEqualTo("1500.5");
        assertThat(amount.shownProperty().get()).isEqualTo("฿1,500.50");
        assertThat(amount.ready()).isTrue();
        assertThat(amount.amount()).isEqualTo(150_050);
        assertThat(amount.messageProperty().get()).isEqualTo("Scan the customer's payment code.");

        amount.keypad("⌫");
        amount.keypad("⌫");
        assertThat(amount.amount()).isEqualTo(150_000);
        amount.keypad("C");
        assertThat(amount.textProperty().get()).isEmpty();
        assertThat(amount.ready()).isFalse();
    }

    @Test
    void anAmountOutsideWeChatPaysLimitsOrNotAnAmountIsNeverReady() {
        amount.textProperty().set("19.99");
        assertThat(amount.ready()).isFalse();
        assertThat(amount.amount()).isZero();
        assertThat(amount.messageProperty().get()).isEqualTo("The least a payment can be is ฿20.00.");

        amount.textProperty().set("150000.01");
        assertThat(amount.ready()).isFalse();
        assertThat(amount.messageProperty().get()).isEqualTo("The most a payment can be is ฿150,000.00.");

        amount.textProperty().set("12,5x");
        assertThat(amount.ready()).isFalse();
        assertThat(amount.shownProperty().get()).isEqualTo("—");
        assertThat(amount.messageProperty().get()).contains("is not an amount in baht");
    }

    @Test
    void anAmountHeldForASaleCannotBeKeyedAndTheNextSaleStartsEmpty() {
        amount.textProperty().set("80");
        amount.hold();

        amount.keypad("5");

        assertThat(amount.textProperty().get()).isEqualTo("80");
        assertThat(amount.editableProperty().get()).isFalse();
        amount.release();
        assertThat(amount.textProperty().get()).as("a refused sale keeps its amount").isEqualTo("80");
        amount.hold();
        amount.clearForNextSale();
        assertThat(amount.textProperty().get()).isEmpty();
        assertThat(amount.editableProperty().get()).isTrue();
    }
}
