package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import com.scantill.model.SaleStatus;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.CheckoutSettings;
import com.scantill.checkout.Staff;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.PaymentCode;
import com.scantill.omise.OmiseClient;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import com.scantill.testing.TestClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request that moves money never leaves before the ledger's record of it is on the disk itself: between writing a
 * sale (or a refund) and the request reaching Omise, the ledger's file was forced ({@code fsync}).
 */
class DurableCommitTest {

    private static final ForceRecordingFilePath RECORDING = new ForceRecordingFilePath();

    @TempDir
    Path dataFolder;

    private OmiseSimulator simulator;
    private OmiseClient client;
    private Ledger ledger;
    private CheckoutEngine engine;

    @BeforeEach
    void open() {
        FilePath.register(RECORDING);
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(100)));
        client = TestClients.clientFor(simulator);
        ledger = Ledger.open(dataFolder, RECORDING.getScheme());
        Staff anyoneApproving = new Staff() {
            @Override
            public boolean mayWork(String operatorId) {
                return true;
            }

            @Override
            public Optional<String> spend(Approval approval, ApprovalRequest request) {
                return Optional.of(approval.approverId()).filter(id -> approval.request().equals(request));
            }
        };
        engine = new CheckoutEngine(ledger, client, CheckoutSettings.defaults("till-1"), anyoneApproving);
    }

    @AfterEach
    void close() {
        engine.close();
        ledger.close();
        client.close();
        simulator.close();
        FilePath.unregister(RECORDING);
    }

    private Instant requestArrived(Route route) {
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.requests().stream().anyMatch(r -> r.route() == route));
        return simulator.requests().stream().filter(r -> r.route() == route).map(RecordedRequest::receivedAt).findFirst().orElseThrow();
    }

    private static boolean forcedBetween(Instant after, Instant before) {
        return ForceRecordingFilePath.FORCES.stream().anyMatch(force -> !force.isBefore(after) && !force.isAfter(before));
    }

    @Test
    void theSaleIsOnTheDiskBeforeTheChargeRequestLeavesAndTheRefundBeforeTheRefundRequest() {
        Instant sold = Instant.now();
        String reference = engine.startSale(150_000, PaymentCode.parse("134567890123456789"), "cashier-1").join().tillReference();

        Instant chargeRequested = requestArrived(Route.CREATE_CHARGE);
        assertThat(forcedBetween(sold, chargeRequested)).as("the ledger forced between the sale and its charge request").isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.sales().sale(reference).orElseThrow().status() == SaleStatus.SUCCESSFUL);
        Instant refunding = Instant.now();
        engine.refund(reference, 50_000, "cashier-1", new Approval("t", "supervisor-1", "S",
                new ApprovalRequest(ApprovalRequest.Action.REFUND, reference, 50_000))).join();

        Instant refundRequested = requestArrived(Route.CREATE_REFUND);
        assertThat(forcedBetween(refunding, refundRequested)).as("the ledger forced between the refund and its request").isTrue();
    }
}
