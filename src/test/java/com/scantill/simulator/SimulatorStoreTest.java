package com.scantill.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.PaymentCode;
import com.scantill.omise.Charge;
import com.scantill.omise.ChargeCreation;
import com.scantill.omise.ChargeStatus;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator kept in a file, as training keeps it: stopped and started again, it knows its charges. */
class SimulatorStoreTest {

    @TempDir
    Path folder;

    private Charge create(OmiseClient client, String code, String reference) {
        ChargeCreation creation = client.createCharge(CreateChargeRequest.of(95_000, PaymentCode.parse(code), reference));
        return ((ChargeCreation.Created) creation).charge();
    }

    @Test
    void chargesOutliveARestartAndPendingOnesCanStillBeExpiredOrPaid() throws Exception {
        Path file = folder.resolve("training-charges.json");
        String paidId;
        String pendingId;
        String payingLaterId;
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(100))
                .storeIn(file)); OmiseClient client = TestClients.clientFor(simulator)) {
            paidId = create(client, "134567890123456789", "T-paid").id();
            await().atMost(Duration.ofSeconds(5)).until(() -> client.retrieveCharge(paidId).status() == ChargeStatus.SUCCESSFUL);
            client.createRefund(paidId, new CreateRefundRequest(10_000, "T-paid-R1"));
            pendingId = create(client, CustomerScript.NEVER_CONFIRMS_CODE, "T-pending").id();
            simulator.customer().setConfirmDelay(Duration.ofSeconds(1));
            payingLaterId = create(client, "134567890123400001", "T-later").id();
        }

        assertThat(Files.readString(file)).doesNotContain("134567890123456789").doesNotContain("134567890123400001")
                .contains("T-pending");

        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().storeIn(file));
             OmiseClient client = TestClients.clientFor(simulator)) {
            Charge paid = client.retrieveCharge(paidId);
            assertThat(paid.status()).isEqualTo(ChargeStatus.SUCCESSFUL);
            assertThat(paid.refundedAmount()).isEqualTo(10_000);
            assertThat(paid.tillReference()).isEqualTo("T-paid");
            assertThat(client.retrieveCharge(pendingId).status()).isEqualTo(ChargeStatus.PENDING);
            assertThat(client.expireCharge(pendingId).status()).isEqualTo(ChargeStatus.EXPIRED);
            await().atMost(Duration.ofSeconds(5)).until(() -> client.retrieveCharge(payingLaterId).status() == ChargeStatus.SUCCESSFUL);
            String next = create(client, "134567890123400002", "T-next").id();
            assertThat(next).isNotIn(paidId, pendingId, payingLaterId);
            assertThat(simulator.charges()).hasSize(4);
        }
    }

    @Test
    void aScriptedOutcomeHoldsForAnyCodeOfTheScriptedPrefixSoTraineesCanUseFreshCodes() throws Exception {
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(50)));
             OmiseClient client = TestClients.clientFor(simulator)) {
            String declined = create(client, "130000000012345672", "T-1").id();
            String never = create(client, "130000000076543219", "T-2").id();

            await().atMost(Duration.ofSeconds(5)).until(() -> client.retrieveCharge(declined).status() == ChargeStatus.FAILED);
            assertThat(client.retrieveCharge(declined).failureCode()).isEqualTo("payment_rejected");
            Thread.sleep(200);
            assertThat(client.retrieveCharge(never).status()).isEqualTo(ChargeStatus.PENDING);
        }
    }
}
