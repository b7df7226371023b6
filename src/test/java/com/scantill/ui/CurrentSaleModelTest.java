package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.testing.PaymentCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sale on the panel, from the scan to what the cashier acts on, against a real till in training and no screen. */
class CurrentSaleModelTest {

    @TempDir
    Path dataFolder;

    private TrainingTill till;

    @AfterEach
    void close() {
        if (till != null) {
            till.close();
        }
    }

    @Test
    void aScannedSaleIsSentFollowedAndPaidAndTheAmountIsClearedForTheNext() throws Exception {
        till = new TrainingTill(dataFolder, 1);
        CurrentSaleModel sale = till.model.sale();

        till.sell("150", PaymentCodes.randomDigits());

        assertThat(sale.panelProperty().get()).isEqualTo(CurrentSaleModel.Panel.SENDING);
        assertThat(till.panelTitle()).isEqualTo("Sending ฿150.00…");
        assertThat(till.model.amount().editableProperty().get()).isFalse();
        till.fx.runUntil(() -> sale.panelProperty().get() == CurrentSaleModel.Panel.PAID);
        assertThat(till.panelTitle()).isEqualTo("PAID ฿150.00");
        assertThat(till.model.amount().textProperty().get()).isEmpty();
        assertThat(sale.newSaleAvailableProperty().get()).isTrue();
        assertThat(till.model.phone().activeProperty().get()).isFalse();
    }

    @Test
    void aScanWithNoAmountOrASecondScanWhileWaitingSendsNothing() throws Exception {
        till = new TrainingTill(dataFolder, 600);

        till.scan(PaymentCodes.randomDigits());
        assertThat(till.message()).isEqualTo("Key the amount before scanning the payment code. Nothing was sent.");
        assertThat(till.runtime.ledger().sales().recentSales(5)).isEmpty();

        till.sell("80", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> till.panelTitle().equals("WAITING ฿80.00"));
        till.scan(PaymentCodes.randomDigits());

        assertThat(till.message()).isEqualTo("A sale is in progress. Finish it before scanning again. Nothing was sent.");
        assertThat(till.runtime.ledger().sales().recentSales(5)).hasSize(1);
    }

    @Test
    void aUsedPaymentCodeIsRefusedInWordsThatNameTheEarlierSale() throws Exception {
        till = new TrainingTill(dataFolder, 1);
        String code = PaymentCodes.randomDigits();
        till.sell("45", code);
        till.fx.runUntil(() -> till.panelTitle().equals("PAID ฿45.00"));

        till.sell("45", code);

        till.fx.runUntil(() -> !till.message().isEmpty());
        assertThat(till.message()).startsWith("This payment code was already used (sale ")
                .contains("PAID ฿45.00").endsWith("Ask the customer to refresh the code. Nothing was sent.");
        assertThat(till.runtime.ledger().sales().recentSales(5)).hasSize(1);
    }

    @Test
    void aSupervisorExpiresACustomerWhoNeverConfirms() throws Exception {
        till = new TrainingTill(dataFolder, 600, "checkout.pendingLimitSeconds=1\n");
        CurrentSaleModel sale = till.model.sale();
        till.sell("99", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> sale.expireAvailableProperty().get());
        assertThat(till.model.sale().panelDetailProperty().get()).startsWith("Still not confirmed.");

        sale.expire();
        assertThat(till.pinPrompt.showingProperty().get()).isTrue();
        till.approveAsSupervisor();

        till.fx.runUntil(() -> sale.panelProperty().get() == CurrentSaleModel.Panel.EXPIRED
                && till.message().equals("Expiry approved by Wanida."));
        assertThat(sale.expireAvailableProperty().get()).isFalse();
    }
}
