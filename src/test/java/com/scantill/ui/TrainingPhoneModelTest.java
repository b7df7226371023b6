package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.SaleStatus;
import com.scantill.testing.PaymentCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainee answers for the customer on the till's training phone, only while a charge waits. */
class TrainingPhoneModelTest {

    @TempDir
    Path dataFolder;

    private TrainingTill till;

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void thePhoneAnswersOnlyWhileAChargeWaitsAndItsAnswerReachesThePanel() throws Exception {
        till = new TrainingTill(dataFolder, 600);
        TrainingPhoneModel phone = till.model.phone();
        assertThat(phone.activeProperty().get()).isFalse();

        till.sell("120", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> phone.activeProperty().get());
        phone.decline();

        assertThat(till.message()).isEqualTo("The customer declined on their phone.");
        till.fx.runUntil(() -> till.panelTitle().equals("NOT PAID ฿120.00"));
        assertThat(phone.activeProperty().get()).isFalse();
        assertThat(till.runtime.ledger().sales().recentSales(1)).singleElement()
                .satisfies(sale -> assertThat(sale.status()).isEqualTo(SaleStatus.FAILED));

        till.model.sale().newSale();
        till.sell("130", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> phone.activeProperty().get());
        phone.approve();
        till.fx.runUntil(() -> till.panelTitle().equals("PAID ฿130.00"));
    }
}
