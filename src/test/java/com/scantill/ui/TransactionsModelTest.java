package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.Sale;
import com.scantill.simulator.Fault;
import com.scantill.simulator.FaultInjector;
import com.scantill.simulator.Route;
import com.scantill.testing.PaymentCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day's transactions, a sale in full, and its refund a supervisor approves; a real till in training, no screen. */
class TransactionsModelTest {

    @TempDir
    Path dataFolder;

    private TrainingTill till;
    private TransactionsModel transactions;

    @BeforeEach
    void sellOne() throws Exception {
        till = new TrainingTill(dataFolder, 1);
        transactions = till.model.transactions();
        till.sell("500", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> till.panelTitle().equals("PAID ฿500.00") && transactions.transactions().size() == 1
                && transactions.transactions().get(0).status().isFinal());
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void aSelectedSaleIsShownInFullAndPartlyRefundedOnASupervisorsPin() {
        Sale paid = transactions.transactions().get(0);
        transactions.selectedProperty().set(paid);
        assertThat(transactions.detailsProperty().get()).startsWith("Sale " + paid.tillReference() + "\n฿500.00 · PAID")
                .contains("Cashier somchai").contains("sale created by somchai");
        assertThat(transactions.refundAvailableProperty().get()).isTrue();
        assertThat(transactions.refundAmountTextProperty().get()).isEqualTo("500.00");

        transactions.refundAmountTextProperty().set("120");
        transactions.refundSelected();
        till.approveAsSupervisor();

        till.fx.runUntil(() -> till.message().equals("Refunded ฿120.00, approved by Wanida.")
                && transactions.detailsProperty().get().contains("Refunded ฿120.00"));
        assertThat(transactions.refundAmountTextProperty().get()).isEqualTo("380.00");
    }

    @Test
    void aRefundOfMoreThanIsLeftIsRefusedBeforeAnyoneIsAsked() {
        transactions.selectedProperty().set(transactions.transactions().get(0));
        transactions.refundAmountTextProperty().set("500.01");

        transactions.refundSelected();

        assertThat(till.pinPrompt.showingProperty().get()).isFalse();
        assertThat(till.message()).endsWith("is more than ฿0.00 and at most ฿500.00.");
    }

    @Test
    void aRefundOmiseDidNotAnswerAboutIsToldAsSuchAndNotMadeAgain() {
        Sale paid = transactions.transactions().get(0);
        FaultInjector faults = till.runtime.connection().trainingSimulator().orElseThrow().faults();
        faults.once(Route.CREATE_REFUND, new Fault.LoseResponse());
        for (int i = 0; i < 4; i++) {
            faults.once(Route.LIST_REFUNDS, new Fault.DropConnection());
        }
        transactions.selectedProperty().set(paid);

        transactions.refundSelected();
        till.approveAsSupervisor();

        till.fx.runUntil(() -> till.message().startsWith("Omise did not answer about the refund of ฿500.00."));
        assertThat(till.runtime.ledger().sales().refunds(paid.tillReference())).hasSize(1);
    }
}
