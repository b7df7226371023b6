package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.scantill.model.PaymentCode;
import com.scantill.simulator.ChargeSnapshot;
import com.scantill.simulator.CustomerBehaviour;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API client against the simulator over real HTTP: every operation and every error the till meets. */
class OmiseClientContractTest {

    private OmiseSimulator simulator;
    private OmiseClient client;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(100)));
        client = TestClients.clientFor(simulator);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private Charge createPending(PaymentCode code, String reference) {
        ChargeCreation creation = client.createCharge(CreateChargeRequest.of(150_000, code, reference));
        assertThat(creation).isInstanceOf(ChargeCreation.Created.class);
        return ((ChargeCreation.Created) creation).charge();
    }

    private Charge createNeverConfirmed(String reference) {
        return createPending(PaymentCode.parse(CustomerScript.NEVER_CONFIRMS_CODE), reference);
    }

    private List<RecordedRequest> requestsOn(Route route) {
        return simulator.requests().stream().filter(request -> request.route() == route).toList();
    }

    @Test
    void anAlipayPlusCodeIsSentWithItsOwnSourceTypeAndTheWalletIsReadFromTheAnswer() {
        PaymentCode code = PaymentCode.parse("2812345678901234567");

        Charge charge = createPending(code, "T1-000002");

        assertThat(requestsOn(Route.CREATE_CHARGE)).singleElement().extracting(RecordedRequest::params).satisfies(params -> {
            assertThat(params).containsEntry("source[type]", "alipayplus_upm").containsEntry("source[barcode]", code.digits());
        });
        assertThat(charge.source().type()).isEqualTo("alipayplus_upm");
        assertThat(charge.source().provider()).isEqualTo("TrueMoney");
        assertThat(charge.source().toString()).doesNotContain(code.digits()).contains("provider=TrueMoney");
    }

    @Test
    void aMethodOmiseHasNotSwitchedOnIsADefiniteRefusalToldApartFromOthers() {
        simulator.account().setEnabled(com.scantill.simulator.MerchantAccount.ALIPAY_PLUS_UPM, false);

        assertThatThrownBy(() -> client.createCharge(CreateChargeRequest.of(150_000, PaymentCode.parse("2512345678901234"), "T1-000003")))
                .isInstanceOfSatisfying(OmiseApiException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(400);
                    assertThat(refused.isMethodNotEnabled()).isTrue();
                });
        assertThat(simulator.charges()).isEmpty();
        assertThat(new OmiseApiException(400, "invalid_charge", "amount must be at least 2000").isMethodNotEnabled()).isFalse();
        assertThat(new OmiseApiException(400, "invalid_charge", "type is currently not supported").isMethodNotEnabled()).isTrue();
        assertThat(new OmiseApiException(401, "authentication_failure", "source not enabled").isMethodNotEnabled())
                .as("a refused key is a refused key").isFalse();
    }

    @Test
    void createsAPendingChargeWithTheFormFieldsOfTheCurlExample() {
        PaymentCode code = PaymentCode.parse("130991292552725093");
        simulator.customer().script(code.digits(), new CustomerBehaviour.NeverConfirms());

        ChargeCreation creation = client.createCharge(CreateChargeRequest.of(150_000, code, "T1-000001")
                .withDescription("Sale T1-000001").withMetadata(Map.of("operator", "somchai")));

        Charge charge = ((ChargeCreation.Created) creation).charge();
        assertThat(creation.tillReference()).isEqualTo("T1-000001");
        assertThat(charge.id()).startsWith("chrg_test_");
        assertThat(charge.status()).isEqualTo(ChargeStatus.PENDING);
        assertThat(charge.amount()).isEqualTo(150_000);
        assertThat(charge.currency()).isEqualTo("THB");
        assertThat(charge.fee()).isEqualTo(2475);
        assertThat(charge.feeVat()).isEqualTo(173);
        assertThat(charge.net()).isEqualTo(147_352);
        assertThat(charge.source().type()).isEqualTo("wechat_pay_upm");
        assertThat(charge.source().barcode()).isEqualTo("130991292552725093");
        assertThat(charge.description()).isEqualTo("Sale T1-000001");
        assertThat(charge.metadata()).containsEntry("till_reference", "T1-000001").containsEntry("operator", "somchai");
        assertThat(charge.expiresAt()).isEqualTo(charge.createdAt().plus(Duration.ofDays(1)));

        RecordedRequest sent = requestsOn(Route.CREATE_CHARGE).get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/charges");
        assertThat(sent.params()).containsEntry("amount", "150000").containsEntry("currency", "THB")
                .containsEntry("source[type]", "wechat_pay_upm").containsEntry("source[barcode]", "130991292552725093")
                .containsEntry("metadata[till_reference]", "T1-000001");
        assertThat(sent.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.headers()).containsEntry("Omise-Version", "2019-05-29");
        assertThat(sent.headers().get("User-Agent"))
                .matches("ScanTill/\\S+ OmiseAPI/2019-05-29 Java/" + System.getProperty("java.version"));
    }

    @Test
    void retrievesAChargeOnceTheCustomerHasPaid() {
        Charge created = createPending(PaymentCodes.random(), "T1-000002");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> client.retrieveCharge(created.id()).status() == ChargeStatus.SUCCESSFUL);

        Charge paid = client.retrieveCharge(created.id());
        assertThat(paid.paid()).isTrue();
        assertThat(paid.paidAt()).isNotNull();
        assertThat(paid.transaction()).startsWith("trxn_test_");
        assertThat(paid.refundable()).isTrue();
        assertThat(paid.source().chargeStatus()).isEqualTo(ChargeStatus.SUCCESSFUL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment_expired", "payment_rejected", "invalid_account", "insufficient_fund", "failed_processing"})
    void eachDocumentedPaymentCodeFailsWithItsFailureCode(String failureCode) {
        String digits = CustomerScript.FAILING_CODES.entrySet().stream()
                .filter(entry -> entry.getValue().equals(failureCode)).findFirst().orElseThrow().getKey();
        Charge created = createPending(PaymentCode.parse(digits), "T1-fail");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> client.retrieveCharge(created.id()).status() == ChargeStatus.FAILED);

        Charge failed = client.retrieveCharge(created.id());
        assertThat(failed.failureCode()).isEqualTo(failureCode);
        assertThat(failed.failureMessage()).isNotBlank();
        assertThat(failed.paid()).isFalse();
    }

    @Test
    void aChargeNobodyConfirmsExpiresAtItsExpiryTime() {
        Charge created = createNeverConfirmed("T1-000003");
        assertThat(client.retrieveCharge(created.id()).status()).isEqualTo(ChargeStatus.PENDING);

        simulator.advanceClock(Duration.ofDays(1).plusSeconds(1));

        Charge expired = client.retrieveCharge(created.id());
        assertThat(expired.status()).isEqualTo(ChargeStatus.EXPIRED);
        assertThat(expired.expired()).isTrue();
        assertThat(expired.expiredAt()).isEqualTo(created.expiresAt());
    }

    @Test
    void expiresAPendingCharge() {
        Charge created = createNeverConfirmed("T1-000004");

        Charge expired = client.expireCharge(created.id());

        assertThat(expired.status()).isEqualTo(ChargeStatus.EXPIRED);
        assertThat(expired.expired()).isTrue();
        assertThat(expired.expiredAt()).isNotNull();
        assertThat(simulator.charge(created.id()).orElseThrow().status()).isEqualTo("expired");
    }

    @Test
    void refusesToExpireAChargeThatIsNoLongerPending() {
        Charge created = createNeverConfirmed("T1-000005");
        client.markAsPaid(created.id());

        assertThatThrownBy(() -> client.expireCharge(created.id()))
                .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(400);
                    assertThat(error.code()).isEqualTo("failed_expire");
                });
        assertThat(requestsOn(Route.EXPIRE_CHARGE)).hasSize(1);
    }

    @Test
    void marksTestChargesPaidOrFailed() {
        Charge paid = client.markAsPaid(createNeverConfirmed("T1-000006").id());
        Charge failed = client.markAsFailed(createNeverConfirmed("T1-000007").id());

        assertThat(paid.status()).isEqualTo(ChargeStatus.SUCCESSFUL);
        assertThat(failed.status()).isEqualTo(ChargeStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("payment_rejected");
    }

    @Test
    void answersNotFoundForAnUnknownCharge() {
        assertThatThrownBy(() -> client.retrieveCharge("chrg_test_doesnotexist"))
                .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(404);
                    assertThat(error.code()).isEqualTo("not_found");
                    assertThat(error.apiMessage()).contains("chrg_test_doesnotexist");
                });
        assertThat(requestsOn(Route.RETRIEVE_CHARGE)).hasSize(1);
    }

    @Test
    void answersAuthenticationFailureToAKeyThatIsNotATestKey() {
        try (OmiseClient live = OmiseClient.builder(SecretKey.of("skey_fakelive_5y4zomdq"))
                .baseUri(simulator.baseUri()).retryPolicy(TestClients.QUICK_RETRIES).build()) {
            assertThatThrownBy(() -> live.retrieveCharge("chrg_test_any"))
                    .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                        assertThat(error.httpStatus()).isEqualTo(401);
                        assertThat(error.code()).isEqualTo("authentication_failure");
                    })
                    .hasMessageNotContaining("skey_fakelive_5y4zomdq");
            assertThatThrownBy(() -> live.createCharge(CreateChargeRequest.of(5_000, PaymentCodes.random(), "T1-auth")))
                    .isInstanceOfSatisfying(OmiseApiException.class,
                            error -> assertThat(error.code()).isEqualTo("authentication_failure"));
        }
        assertThat(simulator.charges()).isEmpty();
    }

    @Test
    void listsChargesPageByPageInEitherOrderAndWithinATimeWindow() {
        Instant before = simulator.now().minusSeconds(1);
        for (int i = 0; i < 7; i++) {
            createNeverConfirmed("T1-list-" + i);
        }

        ListPage<Charge> first = client.listCharges(ListRequest.firstPage().withLimit(3));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.data()).extracting(Charge::tillReference).containsExactly("T1-list-0", "T1-list-1", "T1-list-2");
        assertThat(first.hasMore()).isTrue();

        ListPage<Charge> newest = client.listCharges(ListRequest.newestBetween(before, null, 2));
        assertThat(newest.order()).isEqualTo(ListOrder.REVERSE_CHRONOLOGICAL);
        assertThat(newest.data()).extracting(Charge::tillReference).containsExactly("T1-list-6", "T1-list-5");

        ListPage<Charge> third = client.listCharges(ListRequest.firstPage().withLimit(3).withOffset(6));
        assertThat(third.data()).extracting(Charge::tillReference).containsExactly("T1-list-6");
        assertThat(third.hasMore()).isFalse();

        assertThat(client.streamCharges(ListRequest.firstPage().withLimit(2)).map(Charge::tillReference))
                .containsExactly("T1-list-0", "T1-list-1", "T1-list-2", "T1-list-3", "T1-list-4", "T1-list-5", "T1-list-6");
        assertThat(requestsOn(Route.LIST_CHARGES)).last().satisfies(last ->
                assertThat(last.params()).containsEntry("offset", "6").containsEntry("limit", "2"));

        Instant future = simulator.now().plus(Duration.ofHours(1));
        assertThat(client.listCharges(ListRequest.firstPage().between(future, future.plusSeconds(60))).data()).isEmpty();
    }

    @Test
    void refundsPartlySeveralTimesUpToTheChargeAmount() {
        Charge charge = client.markAsPaid(createNeverConfirmed("T1-000008").id());

        Refund first = client.createRefund(charge.id(), new CreateRefundRequest(50_000, "R1"));
        Refund second = client.createRefund(charge.id(), new CreateRefundRequest(60_000, "R2"));

        assertThat(first.id()).startsWith("rfnd_test_");
        assertThat(first.amount()).isEqualTo(50_000);
        assertThat(first.charge()).isEqualTo(charge.id());
        assertThat(first.tillReference()).isEqualTo("R1");
        assertThat(client.retrieveCharge(charge.id()).refundedAmount()).isEqualTo(110_000);
        assertThat(client.listRefunds(charge.id(), ListRequest.firstPage()).data())
                .extracting(Refund::id).containsExactly(first.id(), second.id());

        assertThatThrownBy(() -> client.createRefund(charge.id(), new CreateRefundRequest(40_001, "R3")))
                .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(400);
                    assertThat(error.code()).isEqualTo("failed_refund");
                });

        Refund rest = client.createRefund(charge.id(), new CreateRefundRequest(40_000, "R4"));
        assertThat(rest.amount()).isEqualTo(40_000);
        Charge fullyRefunded = client.retrieveCharge(charge.id());
        assertThat(fullyRefunded.refundedAmount()).isEqualTo(150_000);
        assertThat(fullyRefunded.refundable()).isFalse();
        assertThat(fullyRefunded.refunds().data()).hasSize(3);
    }

    @Test
    void refusesARefundAfterNinetyDays() {
        Charge charge = client.markAsPaid(createNeverConfirmed("T1-000009").id());
        simulator.advanceClock(Duration.ofDays(90).plusMinutes(1));

        assertThatThrownBy(() -> client.createRefund(charge.id(), new CreateRefundRequest(1_000, "R1")))
                .isInstanceOfSatisfying(OmiseApiException.class, error -> {
                    assertThat(error.code()).isEqualTo("failed_refund");
                    assertThat(error.apiMessage()).contains("90 days");
                });
        assertThat(simulator.charge(charge.id()).orElseThrow().refundedAmount()).isZero();
    }

    @Test
    void refusesARefundOfAChargeThatWasNotPaid() {
        Charge pending = createNeverConfirmed("T1-000010");

        assertThatThrownBy(() -> client.createRefund(pending.id(), new CreateRefundRequest(1_000, "R1")))
                .isInstanceOfSatisfying(OmiseApiException.class,
                        error -> assertThat(error.code()).isEqualTo("failed_refund"));
    }

    @Test
    void sendsNothingForAnInvalidRequest() {
        assertThatThrownBy(() -> CreateChargeRequest.of(1_999, PaymentCodes.random(), "T1-x"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("฿19.99").hasMessageContaining("฿20.00");
        assertThatThrownBy(() -> CreateChargeRequest.of(15_000_001, PaymentCodes.random(), "T1-x"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("฿150,000.00");
        assertThatThrownBy(() -> new CreateChargeRequest(5_000, "USD", PaymentCodes.random(), "T1-x", null, Map.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("THB");
        assertThatThrownBy(() -> CreateChargeRequest.of(5_000, PaymentCodes.random(), "no spaces allowed"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.retrieveCharge("../charges"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new CreateRefundRequest(0, "R1")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new CreateRefundRequest(15_000_001, "R1")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("฿150,000.00");
        assertThatThrownBy(() -> new CreateRefundRequest(Long.MAX_VALUE, "R1")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> CreateChargeRequest.of(5_000, null, "T1-x")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("payment code");
        assertThatThrownBy(() -> new ListRequest(null, null, 0, 101, ListOrder.CHRONOLOGICAL))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void refusesAPlainHttpAddressThatIsNotThisComputer() {
        assertThatThrownBy(() -> OmiseClient.builder(TestClients.TEST_KEY)
                .baseUri(URI.create("http://api.omise.co")).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("https");

        OmiseClient.builder(TestClients.TEST_KEY).baseUri(URI.create("https://api.omise.co")).build().close();
        OmiseClient.builder(TestClients.TEST_KEY).baseUri(URI.create("http://localhost:8080")).build().close();
        OmiseClient.builder(TestClients.TEST_KEY).baseUri(URI.create("http://[::1]:8080")).build().close();
    }

    @Test
    void servesManyTillsAtOnce() throws Exception {
        int tills = 8;
        int salesPerTill = 25;
        ExecutorService tillThreads = Executors.newFixedThreadPool(tills);
        try {
            List<Callable<Void>> work = IntStream.range(0, tills).<Callable<Void>>mapToObj(till -> () -> {
                for (int sale = 0; sale < salesPerTill; sale++) {
                    Charge charge = client.markAsPaid(createNeverConfirmed("T" + till + "-" + sale).id());
                    client.createRefund(charge.id(), new CreateRefundRequest(1_000, "R" + till + "-" + sale));
                }
                return null;
            }).toList();
            for (Future<Void> done : tillThreads.invokeAll(work)) {
                done.get();
            }
        } finally {
            tillThreads.shutdownNow();
        }

        List<ChargeSnapshot> charges = simulator.charges();
        assertThat(charges).hasSize(tills * salesPerTill);
        assertThat(charges).extracting(ChargeSnapshot::id).doesNotHaveDuplicates();
        assertThat(charges).allSatisfy(charge -> {
            assertThat(charge.status()).isEqualTo("successful");
            assertThat(charge.refundedAmount()).isEqualTo(1_000);
        });
    }
}
