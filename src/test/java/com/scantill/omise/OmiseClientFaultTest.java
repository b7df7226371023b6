package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.scantill.model.PaymentCode;
import com.scantill.simulator.ChargeSnapshot;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API client when the network and the API misbehave, each fault injected by the simulator. */
class OmiseClientFaultTest {

    private OmiseSimulator simulator;
    private OmiseClient client;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMinutes(5)));
        client = TestClients.builderFor(simulator).responseTimeout(Duration.ofMillis(500)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private CreateChargeRequest sale(String reference) {
        return CreateChargeRequest.of(25_000, PaymentCodes.random(), reference);
    }

    private Charge pendingCharge(String reference) {
        return ((ChargeCreation.Created) client.createCharge(CreateChargeRequest.of(25_000,
                PaymentCode.parse(CustomerScript.NEVER_CONFIRMS_CODE), reference))).charge();
    }

    private List<RecordedRequest> requestsOn(Route route) {
        return simulator.requests().stream().filter(request -> request.route() == route).toList();
    }

    @Test
    void aChargeCreatedWhoseAnswerIsLostIsAnUnknownOutcomeNotARetry() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());

        ChargeCreation creation = client.createCharge(sale("T1-lost"));

        assertThat(creation).isInstanceOfSatisfying(ChargeCreation.OutcomeUnknown.class, unknown -> {
            assertThat(unknown.tillReference()).isEqualTo("T1-lost");
            assertThat(unknown.httpStatus()).isZero();
        });
        assertThat(requestsOn(Route.CREATE_CHARGE)).hasSize(1);
        assertThat(simulator.charges()).singleElement()
                .extracting(ChargeSnapshot::tillReference).isEqualTo("T1-lost");
    }

    @Test
    void aDroppedConnectionOnCreateIsAnUnknownOutcome() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.DropConnection());

        ChargeCreation creation = client.createCharge(sale("T1-drop"));

        assertThat(creation).isInstanceOf(ChargeCreation.OutcomeUnknown.class);
        assertThat(requestsOn(Route.CREATE_CHARGE)).hasSize(1);
        assertThat(simulator.charges()).isEmpty();
    }

    @Test
    void aServerErrorOnCreateIsAnUnknownOutcome() {
        simulator.faults().once(Route.CREATE_CHARGE, Fault.ErrorAnswer.serverError());

        ChargeCreation creation = client.createCharge(sale("T1-500"));

        assertThat(creation).isInstanceOfSatisfying(ChargeCreation.OutcomeUnknown.class,
                unknown -> assertThat(unknown.httpStatus()).isEqualTo(500));
        assertThat(requestsOn(Route.CREATE_CHARGE)).hasSize(1);
    }

    @Test
    void aCreateAnsweredTooLateIsAnUnknownOutcome() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.Latency(Duration.ofMillis(1_500)));

        ChargeCreation creation = client.createCharge(sale("T1-slow"));

        assertThat(creation).isInstanceOfSatisfying(ChargeCreation.OutcomeUnknown.class,
                unknown -> assertThat(unknown.reason()).contains("timed out"));
        assertThat(requestsOn(Route.CREATE_CHARGE)).isEmpty();
    }

    @Test
    void aGarbledSuccessfulAnswerToCreateIsAnUnknownOutcome() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.GatewayPage(200));

        ChargeCreation creation = client.createCharge(sale("T1-garbled"));

        assertThat(creation).isInstanceOfSatisfying(ChargeCreation.OutcomeUnknown.class, unknown -> {
            assertThat(unknown.httpStatus()).isEqualTo(200);
            assertThat(unknown.reason()).contains("not the expected object");
        });
    }

    @Test
    void aRateLimitedCreateIsRefusedAndNotRepeated() {
        simulator.faults().once(Route.CREATE_CHARGE, Fault.ErrorAnswer.rateLimited(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> client.createCharge(sale("T1-429")))
                .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                    assertThat(error.isRateLimited()).isTrue();
                    assertThat(error.code()).isEqualTo("too_many_requests");
                });
        assertThat(requestsOn(Route.CREATE_CHARGE)).hasSize(1);
        assertThat(simulator.charges()).isEmpty();
    }

    @Test
    void aCreateThatCannotConnectWasNotSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OmiseClient nowhere = OmiseClient.builder(TestClients.TEST_KEY)
                .baseUri(URI.create("http://127.0.0.1:" + closedPort)).build()) {
            assertThatThrownBy(() -> nowhere.createCharge(sale("T1-nowhere")))
                    .isInstanceOf(OmiseTransportException.class)
                    .hasMessageContaining("T1-nowhere was not sent");
        }
    }

    @Test
    void retriesAReadAfterAServerErrorADroppedConnectionAndATimeOut() {
        Charge charge = pendingCharge("T1-read");
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
        simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.DropConnection());
        simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.Latency(Duration.ofMillis(1_500)));

        Charge read = client.retrieveCharge(charge.id());

        assertThat(read.id()).isEqualTo(charge.id());
        // The slow attempt is logged once the simulator finishes it, after the client has moved on.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(requestsOn(Route.RETRIEVE_CHARGE)).hasSize(4));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysBeforeRetryingARead() {
        Charge charge = pendingCharge("T1-429-read");
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.rateLimited(Duration.ofSeconds(1)));

        client.retrieveCharge(charge.id());

        List<RecordedRequest> reads = requestsOn(Route.RETRIEVE_CHARGE);
        assertThat(reads).hasSize(2);
        assertThat(Duration.between(reads.get(0).receivedAt(), reads.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void givesUpOnAReadAfterTheLastAttempt() {
        Charge charge = pendingCharge("T1-down");
        for (int i = 0; i < 4; i++) {
            simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.DropConnection());
        }

        assertThatThrownBy(() -> client.retrieveCharge(charge.id()))
                .isInstanceOf(OmiseTransportException.class)
                .hasMessageContaining("after 4 attempts");
    }

    @Test
    void anHtmlGatewayPageIsAnErrorWithItsStatusNotAParseCrash() {
        Charge charge = pendingCharge("T1-gateway");
        for (int i = 0; i < 4; i++) {
            simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.GatewayPage(502));
        }

        assertThatThrownBy(() -> client.retrieveCharge(charge.id()))
                .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(502);
                    assertThat(error.code()).isNull();
                })
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void anExpiryWhoseAnswerIsLostIsCheckedNotRepeated() {
        Charge charge = pendingCharge("T1-expire-lost");
        simulator.faults().once(Route.EXPIRE_CHARGE, new Fault.LoseResponse());

        Charge expired = client.expireCharge(charge.id());

        assertThat(expired.status()).isEqualTo(ChargeStatus.EXPIRED);
        assertThat(requestsOn(Route.EXPIRE_CHARGE)).hasSize(1);
    }

    @Test
    void anExpiryThatDidNotTakeEffectIsRepeatedAfterTheCheck() {
        Charge charge = pendingCharge("T1-expire-503");
        simulator.faults().once(Route.EXPIRE_CHARGE, new Fault.ErrorAnswer(503, "service_unavailable", null));

        Charge expired = client.expireCharge(charge.id());

        assertThat(expired.status()).isEqualTo(ChargeStatus.EXPIRED);
        assertThat(requestsOn(Route.EXPIRE_CHARGE)).hasSize(2);
        assertThat(requestsOn(Route.RETRIEVE_CHARGE)).hasSize(1);
    }

    @Test
    void anExpiryLostWhileTheCustomerPaidReturnsThePaidCharge() {
        Charge charge = pendingCharge("T1-expire-race");
        simulator.faults().once(Route.EXPIRE_CHARGE, new Fault.DropConnection());
        client.markAsPaid(charge.id());

        Charge after = client.expireCharge(charge.id());

        assertThat(after.status()).isEqualTo(ChargeStatus.SUCCESSFUL);
    }

    @Test
    void aRefundWhoseAnswerIsLostIsFoundByItsReferenceAndMadeOnce() {
        Charge charge = client.markAsPaid(pendingCharge("T1-refund-lost").id());
        simulator.faults().once(Route.CREATE_REFUND, new Fault.LoseResponse());

        Refund refund = client.createRefund(charge.id(), new CreateRefundRequest(10_000, "R-lost"));

        assertThat(refund.tillReference()).isEqualTo("R-lost");
        assertThat(requestsOn(Route.CREATE_REFUND)).hasSize(1);
        assertThat(simulator.charge(charge.id()).orElseThrow().refundCount()).isEqualTo(1);
        assertThat(simulator.charge(charge.id()).orElseThrow().refundedAmount()).isEqualTo(10_000);
    }

    @Test
    void aRefundThatFailedOnTheServerIsRepeatedAndMadeOnce() {
        Charge charge = client.markAsPaid(pendingCharge("T1-refund-500").id());
        simulator.faults().once(Route.CREATE_REFUND, Fault.ErrorAnswer.serverError());
        simulator.faults().once(Route.CREATE_REFUND, new Fault.DropConnection());

        Refund refund = client.createRefund(charge.id(), new CreateRefundRequest(10_000, "R-500"));

        assertThat(refund.amount()).isEqualTo(10_000);
        assertThat(requestsOn(Route.CREATE_REFUND)).hasSize(3);
        assertThat(simulator.charge(charge.id()).orElseThrow().refundCount()).isEqualTo(1);
    }

    @Test
    void aRefundIsNotRepeatedWhenItsCheckCannotBeMade() {
        Charge charge = client.markAsPaid(pendingCharge("T1-refund-blind").id());
        simulator.faults().once(Route.CREATE_REFUND, new Fault.LoseResponse());
        for (int i = 0; i < 4; i++) {
            simulator.faults().once(Route.LIST_REFUNDS, new Fault.DropConnection());
        }

        assertThatThrownBy(() -> client.createRefund(charge.id(), new CreateRefundRequest(10_000, "R-blind")))
                .isInstanceOf(OmiseTransportException.class);
        assertThat(requestsOn(Route.CREATE_REFUND)).hasSize(1);
        assertThat(simulator.charge(charge.id()).orElseThrow().refundCount()).isEqualTo(1);
    }
}
