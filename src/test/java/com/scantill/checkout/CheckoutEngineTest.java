package com.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.scantill.ledger.LostRows;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.ChargeStatus;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.SecretKey;
import com.scantill.simulator.ChargeSnapshot;
import com.scantill.simulator.CustomerBehaviour;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.RecordedRequest;
import com.scantill.simulator.Route;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The checkout engine against the simulator over real HTTP, with a real H2 ledger file. */
class CheckoutEngineTest {

    @TempDir
    Path dataFolder;

    private OmiseSimulator simulator;
    private Till till;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(200)));
        till = new Till(simulator, dataFolder);
        till.engine.start().join();
        // The start's own look through Omise's recent charges is not what the tests count.
        simulator.clearRequests();
    }

    @AfterEach
    void stop() {
        till.close();
        simulator.close();
    }

    private String sell(long amount, PaymentCode code) {
        return till.engine.startSale(amount, code, "cashier-1").join().tillReference();
    }

    private String sellNeverConfirmed() {
        return sell(10_000, PaymentCode.parse(CustomerScript.NEVER_CONFIRMS_CODE));
    }

    private List<EventKind> eventKinds(String reference) {
        return till.ledger.sales().events(reference).stream().map(SaleEvent::kind).toList();
    }

    private List<ChargeSnapshot> chargesFor(String reference) {
        return simulator.charges().stream().filter(charge -> reference.equals(charge.tillReference())).toList();
    }

    private static Throwable cause(Throwable thrown) {
        return thrown instanceof CompletionException ? thrown.getCause() : thrown;
    }

    /** What the engine refused, thrown at once or through a future. */
    static Refusal refusalOf(Throwable thrown) {
        assertThat(cause(thrown)).isInstanceOf(CheckoutRefusedException.class);
        return ((CheckoutRefusedException) cause(thrown)).refusal();
    }

    @Test
    void aPaidSaleIsLoggedFromScanToPayment() {
        String reference = sell(150_000, PaymentCode.parse("130991292552725093"));

        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        assertThat(sale.tillId()).isEqualTo("till-1");
        assertThat(sale.operatorId()).isEqualTo("cashier-1");
        assertThat(sale.amount()).isEqualTo(150_000);
        assertThat(sale.currency()).isEqualTo("THB");
        assertThat(sale.paymentCodeMasked()).isEqualTo("**************5093");
        assertThat(sale.chargeId()).startsWith("chrg_test_");
        assertThat(sale.fee()).isEqualTo(2475);
        assertThat(sale.feeVat()).isEqualTo(173);
        assertThat(sale.net()).isEqualTo(147_352);
        assertThat(sale.paidAt()).isNotNull();
        assertThat(sale.finishedAt()).isNotNull();
        assertThat(sale.refundOwed()).isFalse();
        assertThat(eventKinds(reference)).containsExactly(EventKind.SALE_CREATED, EventKind.CHARGE_REQUESTED,
                EventKind.CHARGE_CREATED, EventKind.STATUS_SEEN);
        assertThat(till.ledger.sales().events(reference)).last().extracting(SaleEvent::statusAfter).isEqualTo(SaleStatus.SUCCESSFUL);
        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::status).isEqualTo("successful");
        assertThat(till.seen).extracting(state -> state.sale().status()).contains(SaleStatus.PENDING, SaleStatus.SUCCESSFUL);
        assertThat(till.engine.salesInFlight()).isEmpty();
    }

    @Test
    void theSaleIsInTheLedgerBeforeTheChargeRequestLeaves() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.Latency(Duration.ofMillis(600)));

        String reference = sell(5_000, PaymentCodes.random());

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.requests().isEmpty()
                && till.ledger.sales().sale(reference).orElseThrow().status() == SaleStatus.CREATING);
        assertThat(eventKinds(reference)).containsExactly(EventKind.SALE_CREATED, EventKind.CHARGE_REQUESTED);
        till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment_expired", "payment_rejected", "invalid_account", "insufficient_fund", "failed_processing"})
    void eachFailureCodeEndsTheSaleFailedWithIt(String failureCode) {
        String digits = CustomerScript.FAILING_CODES.entrySet().stream()
                .filter(entry -> entry.getValue().equals(failureCode)).findFirst().orElseThrow().getKey();

        Sale sale = till.awaitFinal(sell(5_000, PaymentCode.parse(digits)));

        assertThat(sale.status()).isEqualTo(SaleStatus.FAILED);
        assertThat(sale.failureCode()).isEqualTo(failureCode);
        assertThat(sale.failureMessage()).isNotBlank();
        assertThat(sale.paidAt()).isNull();
    }

    @Test
    void aChargeLeftPendingIsOfferedForExpiryAndExpiredByASupervisor() {
        String reference = sellNeverConfirmed();

        await().atMost(Duration.ofSeconds(5)).until(() -> till.seen.stream()
                .anyMatch(state -> state.tillReference().equals(reference) && state.expiryOffered()));
        assertThat(till.ledger.sales().sale(reference).orElseThrow().status()).isEqualTo(SaleStatus.PENDING);
        assertThat(eventKinds(reference)).contains(EventKind.EXPIRY_OFFERED);

        SaleState expired = till.engine.expire(reference, till.approveExpiry(reference)).join();

        assertThat(expired.sale().status()).isEqualTo(SaleStatus.EXPIRED);
        assertThat(expired.sale().expiredAt()).isNotNull();
        assertThat(expired.sale().refundOwed()).isFalse();
        assertThat(till.ledger.sales().events(reference)).filteredOn(event -> event.kind() == EventKind.EXPIRE_REQUESTED)
                .singleElement().extracting(SaleEvent::operatorId).isEqualTo("supervisor-1");
        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::status).isEqualTo("expired");
    }

    @Test
    void pollingGoesOnUntilTheChargeIsFinalNeverTwoRequestsAtOnce() {
        simulator.customer().script("134000000000000042", new CustomerBehaviour.Pays(Duration.ofMillis(1_500)));
        String reference = sell(5_000, PaymentCode.parse("134000000000000042"));

        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        List<RecordedRequest> reads = simulator.requests().stream()
                .filter(request -> request.route() == Route.RETRIEVE_CHARGE && sale.chargeId().equals(request.chargeId()))
                .toList();
        assertThat(reads).hasSizeGreaterThan(3);
        for (int i = 1; i < reads.size(); i++) {
            assertThat(reads.get(i).receivedAt()).isAfterOrEqualTo(reads.get(i - 1).completedAt());
        }
    }

    @Test
    void aChangeWrittenBehindTheEnginesBackIsKeptAndTheEngineFollowsOnFromIt() {
        simulator.customer().script("134000000000000043", new CustomerBehaviour.Pays(Duration.ofMillis(1_500)));
        String reference = sell(5_000, PaymentCode.parse("134000000000000043"));
        Sale pending = till.awaitStatus(reference, SaleStatus.PENDING);

        // Another writer (a second engine on a shared ledger, say) records that the cashier stopped waiting.
        Sale abandoned = pending.toBuilder().abandoned(true).build();
        till.ledger.sales().update(abandoned, SaleEvent.of(EventKind.ABANDONED, abandoned, "cashier-1", null, "elsewhere", pending.createdAt()));

        Sale paid = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(paid.abandoned()).as("the engine's older copy did not overwrite the change").isTrue();
        assertThat(paid.refundOwed()).as("the payment was merged into the newer copy").isTrue();
        assertThat(eventKinds(reference)).containsSubsequence(EventKind.ABANDONED, EventKind.REFUND_OWED)
                .doesNotContain(EventKind.STATUS_SEEN);
    }

    @Test
    void anExpiryRacingThePaymentReportsThePaymentAndAsksForARefund() throws Exception {
        String reference = sellNeverConfirmed();
        Sale pending = till.awaitStatus(reference, SaleStatus.PENDING);
        simulator.faults().once(Route.EXPIRE_CHARGE, new Fault.Latency(Duration.ofMillis(500)));

        var expiring = till.engine.expire(reference, till.approveExpiry(reference));
        await().atMost(Duration.ofSeconds(5)).until(() -> eventKinds(reference).contains(EventKind.EXPIRE_REQUESTED));
        till.client.markAsPaid(pending.chargeId());
        SaleState after = expiring.get(10, TimeUnit.SECONDS);

        assertThat(after.sale().status()).isEqualTo(SaleStatus.SUCCESSFUL);
        assertThat(after.sale().refundOwed()).isTrue();
        assertThat(eventKinds(reference)).contains(EventKind.REFUND_OWED);
        assertThat(till.client.retrieveCharge(pending.chargeId()).status()).isEqualTo(ChargeStatus.SUCCESSFUL);
    }

    @Test
    void aChargePaidAfterTheCashierAbandonedItAsksForARefund() {
        String reference = sellNeverConfirmed();
        Sale pending = till.awaitStatus(reference, SaleStatus.PENDING);

        till.engine.abandon(reference, "cashier-1").join();
        till.client.markAsPaid(pending.chargeId());

        Sale paid = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(paid.abandoned()).isTrue();
        assertThat(paid.refundOwed()).isTrue();
        assertThat(eventKinds(reference)).contains(EventKind.ABANDONED, EventKind.REFUND_OWED);
    }

    @Test
    void refundsPartlySeveralTimesNeverAboveTheAmount() {
        String reference = sell(100_000, PaymentCodes.random());
        till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        RefundRecord first = till.engine.refund(reference, 30_000, "cashier-1", till.approveRefund(reference, 30_000, "supervisor-1")).join();
        RefundRecord second = till.engine.refund(reference, 50_000, "cashier-1", till.approveRefund(reference, 50_000, "supervisor-1")).join();
        Throwable tooMuch = cause(org.assertj.core.api.Assertions.catchThrowable(
                () -> till.engine.refund(reference, 20_001, "cashier-1", till.approveRefund(reference, 20_001, "supervisor-1")).join()));
        RefundRecord rest = till.engine.refund(reference, 20_000, "cashier-1", till.approveRefund(reference, 20_000, "supervisor-2")).join();

        assertThat(first.status()).isEqualTo(RefundStatus.DONE);
        assertThat(first.refundId()).startsWith("rfnd_test_");
        assertThat(second.refundReference()).isEqualTo(reference + "-R2");
        assertThat(refusalOf(tooMuch)).isEqualTo(Refusal.moreThanRefundable(reference, 20_001, 20_000));
        assertThat(rest.approvedBy()).isEqualTo("supervisor-2");
        Sale sale = till.ledger.sales().sale(reference).orElseThrow();
        assertThat(sale.refundedAmount()).isEqualTo(100_000);
        assertThat(till.ledger.sales().refunds(reference)).extracting(RefundRecord::amount).containsExactly(30_000L, 50_000L, 20_000L);
        assertThat(till.ledger.sales().events(reference)).filteredOn(event -> event.kind() == EventKind.REFUNDED)
                .extracting(SaleEvent::amount).containsExactly(30_000L, 50_000L, 20_000L);
        assertThat(simulator.charge(sale.chargeId()).orElseThrow().refundedAmount()).isEqualTo(100_000);
    }

    @Test
    void refusesARefundAfterNinetyDaysWithoutAsking() {
        String reference = sell(10_000, PaymentCodes.random());
        till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        till.clock.advance(Duration.ofDays(91));
        simulator.advanceClock(Duration.ofDays(91));
        simulator.clearRequests();

        Throwable refused = cause(catchThrowable(
                () -> till.engine.refund(reference, 1_000, "cashier-1", till.approveRefund(reference, 1_000, "supervisor-1")).join()));

        assertThat(refusalOf(refused)).isEqualTo(Refusal.ofSale(Refusal.Reason.REFUND_WINDOW_PASSED, reference));
        assertThat(simulator.requests()).isEmpty();
        assertThat(till.ledger.sales().refunds(reference)).isEmpty();
    }

    @Test
    void recordsARefundOmiseRefuses() {
        String reference = sell(10_000, PaymentCodes.random());
        till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        simulator.advanceClock(Duration.ofDays(91));

        Throwable refused = cause(catchThrowable(
                () -> till.engine.refund(reference, 1_000, "cashier-1", till.approveRefund(reference, 1_000, "supervisor-1")).join()));

        assertThat(refusalOf(refused)).extracting(Refusal::reason).isEqualTo(Refusal.Reason.REFUND_REFUSED_BY_OMISE);
        assertThat(refusalOf(refused).detail()).as("Omise's own words").contains("90 days");
        assertThat(till.ledger.sales().refunds(reference)).singleElement().satisfies(refund -> {
            assertThat(refund.status()).isEqualTo(RefundStatus.FAILED);
            assertThat(refund.failureCode()).isEqualTo("failed_refund");
        });
        assertThat(till.ledger.sales().sale(reference).orElseThrow().refundedAmount()).isZero();
        assertThat(eventKinds(reference)).contains(EventKind.REFUND_REQUESTED, EventKind.REFUND_FAILED);
    }

    @Test
    void refusesToRefundASaleThatWasNotPaid() {
        String reference = sell(10_000, PaymentCode.parse("130000000000000004"));
        till.awaitStatus(reference, SaleStatus.FAILED);

        Throwable refused = cause(catchThrowable(
                () -> till.engine.refund(reference, 1_000, "cashier-1", till.approveRefund(reference, 1_000, "supervisor-1")).join()));

        assertThat(refusalOf(refused)).isEqualTo(Refusal.notPaid(reference, SaleStatus.FAILED));
    }

    @Test
    void aLostCreateAnswerIsReconciledToTheChargeThatWasMade() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());

        String reference = sell(20_000, PaymentCodes.random());
        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        assertThat(eventKinds(reference)).containsSubsequence(EventKind.CHARGE_REQUESTED, EventKind.OUTCOME_UNKNOWN,
                EventKind.RECONCILED_FOUND);
        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::id).isEqualTo(sale.chargeId());
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.CREATE_CHARGE).hasSize(1);
    }

    @Test
    void aCreateThatNeverArrivedIsSettledAsNotChargedAndTheCustomerMayScanAgain() {
        PaymentCode code = PaymentCodes.random();
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.DropConnection());

        String reference = sell(20_000, code);
        await().atMost(Duration.ofSeconds(5)).until(() -> till.ledger.sales().sale(reference).orElseThrow().status() != SaleStatus.CREATING);
        assertThat(refusalOf(catchThrowable(() -> till.engine.startSale(5_000, PaymentCodes.random(), "cashier-1"))))
                .isEqualTo(Refusal.ofSale(Refusal.Reason.EARLIER_SALE_UNSETTLED, reference));
        Sale settled = till.awaitFinal(reference);

        assertThat(settled.status()).isEqualTo(SaleStatus.NOT_CREATED);
        assertThat(eventKinds(reference)).containsSubsequence(EventKind.OUTCOME_UNKNOWN, EventKind.RECONCILED_NOT_FOUND);
        assertThat(chargesFor(reference)).isEmpty();
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.CREATE_CHARGE).hasSize(1);

        String again = sell(20_000, code);
        assertThat(till.awaitFinal(again).status()).isEqualTo(SaleStatus.SUCCESSFUL);
    }

    @Test
    void aServerErrorOnCreateIsReconciledNotResent() {
        simulator.faults().once(Route.CREATE_CHARGE, Fault.ErrorAnswer.serverError());

        Sale settled = till.awaitFinal(sell(20_000, PaymentCodes.random()));

        assertThat(settled.status()).isEqualTo(SaleStatus.NOT_CREATED);
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.CREATE_CHARGE).hasSize(1);
    }

    @Test
    void aChargeRefusedByOmiseIsSettledWithOmisesCode() {
        till.engine.close();
        till.ledger.close();
        till.client = OmiseClient.builder(SecretKey.of("skey_notatestkey"))
                .baseUri(simulator.baseUri()).retryPolicy(TestClients.QUICK_RETRIES).build();
        till.open();

        List<OmiseAccess> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        till.engine.addListener(new CheckoutListener() {
            @Override
            public void saleChanged(SaleState state) {
            }

            @Override
            public void accessChanged(OmiseAccess access) {
                told.add(access);
            }
        });

        Sale refused = till.awaitFinal(sell(20_000, PaymentCodes.random()));

        assertThat(refused.status()).isEqualTo(SaleStatus.NOT_CREATED);
        assertThat(refused.failureCode()).isEqualTo("authentication_failure");
        assertThat(eventKinds(refused.tillReference())).contains(EventKind.CHARGE_REFUSED);
        assertThat(till.engine.access()).isEqualTo(OmiseAccess.KEY_REFUSED);
        assertThat(told).containsExactly(OmiseAccess.KEY_REFUSED);
        assertThatThrownBy(() -> till.engine.startSale(20_000, PaymentCodes.random(), "cashier-1"))
                .isInstanceOf(KeyRefusedException.class);
        assertThat(till.ledger.sales().recentSales(10)).hasSize(1);
    }

    @Test
    void aKeyRefusedOnceIsAskedAboutAgainAtTheSweepAndSalesResumeWhenOmiseAcceptsIt() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.ErrorAnswer(401, "authentication_failure", null));
        till.awaitFinal(sell(20_000, PaymentCodes.random()));
        assertThat(till.engine.access()).isEqualTo(OmiseAccess.KEY_REFUSED);

        till.engine.sweepNow().join();

        assertThat(till.engine.access()).isEqualTo(OmiseAccess.ACCEPTED);
        assertThat(till.awaitFinal(sell(20_000, PaymentCodes.random())).status()).isEqualTo(SaleStatus.SUCCESSFUL);
    }

    @Test
    void aChargeOmiseDoesNotKnowIsFlaggedForASupervisorAfterBoundedLooksAndFollowedAgainOnceItIsKnown() {
        String reference = sellNeverConfirmed();
        till.awaitStatus(reference, SaleStatus.PENDING);
        for (int i = 0; i < 20; i++) {
            simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.ErrorAnswer(404, "not_found", null));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> till.ledger.sales().sale(reference).orElseThrow().needsAttention());

        Sale flagged = till.ledger.sales().sale(reference).orElseThrow();
        assertThat(flagged.status()).isEqualTo(SaleStatus.PENDING);
        assertThat(eventKinds(reference)).containsOnlyOnce(EventKind.NEEDS_ATTENTION);
        assertThat(till.engine.salesInFlight()).isEmpty();
        long looks = simulator.requests().stream().filter(request -> request.route() == Route.RETRIEVE_CHARGE).count();
        assertThat(looks).isLessThanOrEqualTo(SaleFlow.LOOKS_BEFORE_ATTENTION + 1L);
        assertThat(till.engine.startSale(10_000, PaymentCodes.random(), "cashier-1").join()).as("the till is not blocked").isNotNull();

        simulator.faults().clear();
        till.engine.sweepNow().join();

        await().atMost(Duration.ofSeconds(10)).until(() -> !till.ledger.sales().sale(reference).orElseThrow().needsAttention());
        assertThat(till.engine.salesInFlight()).extracting(SaleState::tillReference).contains(reference);
        till.engine.expire(reference, till.approveExpiry(reference)).join();
        assertThat(till.awaitStatus(reference, SaleStatus.EXPIRED).needsAttention()).isFalse();
    }

    /** An answer from Omise with some of the charge's fields changed, as a broken or hostile API would send. */
    private static Fault alteredCharge(java.util.function.Consumer<com.google.gson.JsonObject> change) {
        return new Fault.AlteredAnswer(body -> {
            com.google.gson.JsonObject charge = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
            change.accept(charge);
            return charge.toString();
        });
    }

    @Test
    void aChargeSaysWhichTillSaleAndOperatorMadeIt() {
        String reference = sell(20_000, PaymentCodes.random());
        till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::metadata)
                .isEqualTo(java.util.Map.of("till_reference", reference, "till_id", "till-1", "operator_id", "cashier-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount", "currency", "till_reference"})
    void aChargeThatIsNotTheSalesIsNeverTakenAsPaid(String field) {
        simulator.faults().once(Route.CREATE_CHARGE, alteredCharge(charge -> {
            charge.addProperty("status", "successful");
            switch (field) {
                case "amount" -> charge.addProperty("amount", 2_000);
                case "currency" -> charge.addProperty("currency", "USD");
                default -> charge.getAsJsonObject("metadata").addProperty("till_reference", "till-1-another-sale");
            }
        }));

        String reference = sell(150_000, PaymentCodes.random());

        await().atMost(Duration.ofSeconds(10)).until(() -> till.ledger.sales().sale(reference).orElseThrow().needsAttention());
        Sale flagged = till.ledger.sales().sale(reference).orElseThrow();
        assertThat(flagged.status()).isNotEqualTo(SaleStatus.SUCCESSFUL);
        assertThat(flagged.chargeId()).isNull();
        assertThat(till.ledger.sales().events(reference)).filteredOn(event -> event.kind() == EventKind.NEEDS_ATTENTION)
                .singleElement().extracting(SaleEvent::detail).asString().contains("does not match the sale")
                .contains(field.equals("till_reference") ? "till reference" : field);
        assertThat(till.engine.startSale(10_000, PaymentCodes.random(), "cashier-1").join()).as("the till is not blocked").isNotNull();

        till.engine.sweepNow().join();
        assertThat(till.awaitFinal(reference).status()).as("the true charge, found again by its reference")
                .isEqualTo(SaleStatus.SUCCESSFUL);
        assertThat(till.ledger.sales().sale(reference).orElseThrow().needsAttention()).isFalse();
    }

    @Test
    void aPollAnsweredWithAnotherSalesChargeStopsTheSaleForASupervisor() {
        String reference = sellNeverConfirmed();
        till.awaitStatus(reference, SaleStatus.PENDING);
        for (int i = 0; i < 3; i++) {
            simulator.faults().once(Route.RETRIEVE_CHARGE, alteredCharge(charge -> {
                charge.addProperty("status", "successful");
                charge.addProperty("amount", 1_000_000);
            }));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> till.ledger.sales().sale(reference).orElseThrow().needsAttention());

        assertThat(till.ledger.sales().sale(reference).orElseThrow().status()).isEqualTo(SaleStatus.PENDING);
        assertThat(till.ledger.sales().events(reference)).noneMatch(event -> event.statusAfter() == SaleStatus.SUCCESSFUL);
    }

    @Test
    void onlyAnEnabledOperatorOfTheTillMayTakeASaleOrAskForARefund() {
        String paid = sell(20_000, PaymentCodes.random());
        till.awaitStatus(paid, SaleStatus.SUCCESSFUL);
        simulator.clearRequests();

        assertThat(refusalOf(catchThrowable(() -> till.engine.startSale(20_000, PaymentCodes.random(), "anyone").join())))
                .isEqualTo(Refusal.withDetail(Refusal.Reason.OPERATOR_MAY_NOT_WORK, null, "anyone"));
        assertThat(refusalOf(catchThrowable(() -> till.engine.refund(paid, 1_000, "anyone",
                till.approveRefund(paid, 1_000, "supervisor-1")).join())))
                .isEqualTo(Refusal.withDetail(Refusal.Reason.OPERATOR_MAY_NOT_WORK, paid, "anyone"));
        till.operators.setEnabled(till.operators.signIn("manager-1", Till.SUPERVISOR_PIN.toCharArray()), "cashier-1", false);
        assertThat(refusalOf(catchThrowable(() -> till.engine.startSale(20_000, PaymentCodes.random(), "cashier-1").join())))
                .isEqualTo(Refusal.withDetail(Refusal.Reason.OPERATOR_MAY_NOT_WORK, null, "cashier-1"));

        assertThat(till.ledger.sales().recentSales(10)).hasSize(1);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void theEngineCarriesOutAnExpiryOrARefundOnlyWithAnApprovalOfExactlyThatAndRecordsWhoReallyApproved() {
        String pending = sellNeverConfirmed();
        till.awaitStatus(pending, SaleStatus.PENDING);
        String paid = sell(150_000, PaymentCodes.random());
        till.awaitStatus(paid, SaleStatus.SUCCESSFUL);
        simulator.clearRequests();

        Approval forged = new Approval("guessed", "anyone", "Anyone",
                new ApprovalRequest(ApprovalRequest.Action.EXPIRE, pending, 10_000));
        assertThat(cause(catchThrowable(() -> till.engine.expire(pending, forged).join())))
                .isInstanceOf(ApprovalRefusedException.class);
        Approval forTheOtherSale = till.approveRefund(pending, 10_000, "supervisor-1");
        assertThat(cause(catchThrowable(() -> till.engine.refund(paid, 10_000, "cashier-1", forTheOtherSale).join())))
                .isInstanceOf(ApprovalRefusedException.class);
        Approval forLess = till.approveRefund(paid, 1_000, "supervisor-2");
        assertThat(cause(catchThrowable(() -> till.engine.refund(paid, 150_000, "cashier-1", forLess).join())))
                .isInstanceOf(ApprovalRefusedException.class);
        assertThat(simulator.requests()).noneMatch(request -> request.route() == Route.EXPIRE_CHARGE
                || request.route() == Route.CREATE_REFUND);
        assertThat(till.ledger.sales().refunds(paid)).isEmpty();

        Approval real = till.approveRefund(paid, 1_000, "supervisor-2");
        assertThat(till.engine.refund(paid, 1_000, "cashier-1", real).join().approvedBy()).isEqualTo("supervisor-2");
        assertThat(cause(catchThrowable(() -> till.engine.refund(paid, 1_000, "cashier-1", real).join())))
                .as("an approval is spent once").isInstanceOf(ApprovalRefusedException.class);
        assertThat(till.engine.expire(pending, till.approveExpiry(pending)).join().sale().status()).isEqualTo(SaleStatus.EXPIRED);
    }

    @Test
    void anExpiryOmiseAnswersWithNotFoundTellsTheTruthAndFlagsTheSale() {
        String reference = sellNeverConfirmed();
        till.awaitStatus(reference, SaleStatus.PENDING);
        simulator.faults().once(Route.EXPIRE_CHARGE, new Fault.ErrorAnswer(404, "not_found", null));
        // The engine's own polls may take some of these first; fewer than it needs to flag the sale by itself.
        for (int i = 1; i < SaleFlow.LOOKS_BEFORE_ATTENTION; i++) {
            simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.ErrorAnswer(404, "not_found", null));
        }

        Throwable failed = cause(catchThrowable(() -> till.engine.expire(reference, till.approveExpiry(reference)).join()));

        assertThat(failed).isInstanceOf(ExpireFailedException.class);
        assertThat(((ExpireFailedException) failed).reason()).isEqualTo(ExpireFailedException.Reason.UNKNOWN_CHARGE);
        assertThat(till.ledger.sales().sale(reference).orElseThrow().needsAttention()).isTrue();
        assertThat(eventKinds(reference)).contains(EventKind.EXPIRE_FAILED, EventKind.NEEDS_ATTENTION);
    }

    @Test
    void anExpiryRefusedWhileTheChargeIsStillPendingSaysSoAndTheTillKeepsFollowingIt() {
        String reference = sellNeverConfirmed();
        till.awaitStatus(reference, SaleStatus.PENDING);
        simulator.faults().once(Route.EXPIRE_CHARGE, new Fault.ErrorAnswer(400, "failed_expire", null));

        Throwable failed = cause(catchThrowable(() -> till.engine.expire(reference, till.approveExpiry(reference)).join()));

        assertThat(failed).isInstanceOf(ExpireFailedException.class);
        assertThat(((ExpireFailedException) failed).reason()).isEqualTo(ExpireFailedException.Reason.STILL_PENDING);
        assertThat(till.engine.salesInFlight()).extracting(SaleState::tillReference).contains(reference);
        assertThat(till.engine.expire(reference, till.approveExpiry(reference)).join().sale().status()).isEqualTo(SaleStatus.EXPIRED);
    }

    @Test
    void slowAnswersForSomeSalesDelayNeitherTheNextSaleNorItsPolling() {
        // More sales waiting on a slow Omise than the engine once had threads: each look at their charges answers after 15 s.
        List<String> slow = IntStream.range(0, 5).mapToObj(i -> till.awaitStatus(sell(10_000, PaymentCodes.neverConfirmed()),
                SaleStatus.PENDING).tillReference()).toList();
        for (int i = 0; i < slow.size(); i++) {
            simulator.faults().once(Route.RETRIEVE_CHARGE, new Fault.Latency(Duration.ofSeconds(15)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.faults().waiting(Route.RETRIEVE_CHARGE) == 0);

        String next = sell(10_000, PaymentCodes.random());

        await().atMost(Duration.ofSeconds(5)).until(() -> till.ledger.sales().sale(next).orElseThrow().status() == SaleStatus.SUCCESSFUL);
        assertThat(slow).allSatisfy(reference -> assertThat(till.ledger.sales().sale(reference).orElseThrow().status())
                .isEqualTo(SaleStatus.PENDING));
    }

    @Test
    void closingTheEngineWhileAChargeIsOnItsWayIsNoError() {
        Logger ourLogs = (Logger) LoggerFactory.getLogger("com.scantill");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        ourLogs.addAppender(captured);
        try {
            simulator.faults().once(Route.CREATE_CHARGE, new Fault.Latency(Duration.ofMillis(2_500)));
            String reference = sell(10_000, PaymentCodes.random());
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.faults().waiting(Route.CREATE_CHARGE) == 0);

            till.stop();
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> simulator.requests().stream()
                    .anyMatch(request -> request.route() == Route.CREATE_CHARGE));
            till.open();
            till.engine.start().join();

            assertThat(till.awaitStatus(reference, SaleStatus.SUCCESSFUL)).as("the next start takes the sale on").isNotNull();
            assertThat(captured.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            ourLogs.detachAppender(captured);
        }
    }

    @Test
    void noLockIsKeptForASaleOnceItsRefundsAreAnswered() {
        String first = till.awaitStatus(sell(20_000, PaymentCodes.random()), SaleStatus.SUCCESSFUL).tillReference();
        String second = till.awaitStatus(sell(30_000, PaymentCodes.random()), SaleStatus.SUCCESSFUL).tillReference();

        till.engine.refund(first, 5_000, "cashier-1", till.approveRefund(first, 5_000, "supervisor-1")).join();
        till.engine.refund(second, 5_000, "cashier-1", till.approveRefund(second, 5_000, "supervisor-1")).join();
        catchThrowable(() -> till.engine.refund(first, 99_000, "cashier-1", till.approveRefund(first, 99_000, "supervisor-1")).join());

        assertThat(till.engine.salesBeingRefunded()).isZero();
    }

    @Test
    void theSamePaymentCodeIsRefusedWhileItsSaleIsInFlight() {
        PaymentCode code = PaymentCode.parse(CustomerScript.NEVER_CONFIRMS_CODE);
        String reference = sell(10_000, code);

        assertThatThrownBy(() -> till.engine.startSale(10_000, code, "cashier-1"))
                .isInstanceOf(PaymentCodeUsedException.class)
                .extracting(thrown -> ((PaymentCodeUsedException) thrown).refusal())
                .extracting(Refusal::reason, Refusal::tillReference, Refusal::detail)
                .containsExactly(Refusal.Reason.PAYMENT_CODE_USED, reference, "**************0009");
        assertThat(till.ledger.sales().recentSales(10)).hasSize(1);

        till.awaitStatus(reference, SaleStatus.PENDING);
        till.engine.expire(reference, till.approveExpiry(reference)).join();
        assertThatThrownBy(() -> till.engine.startSale(10_000, code, "cashier-1").join())
                .hasCauseInstanceOf(PaymentCodeUsedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"130991292552725093", "130000000000000002", CustomerScript.NEVER_CONFIRMS_CODE})
    void aPaymentCodeAlreadySentToOmiseIsRefusedWhateverBecameOfItsSaleAndNothingIsWrittenOrSent(String digits) {
        PaymentCode code = PaymentCode.parse(digits);
        String first = sell(10_000, code);
        Sale earlier = digits.equals(CustomerScript.NEVER_CONFIRMS_CODE) ? till.awaitStatus(first, SaleStatus.PENDING)
                : till.awaitFinal(first);
        till.engine.abandon(first, "cashier-1").join();
        long creates = simulator.requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).count();

        Throwable refused = cause(catchThrowable(
                () -> till.engine.startSale(95_000, code, "cashier-1").join()));

        assertThat(refused).isInstanceOf(PaymentCodeUsedException.class);
        assertThat(((PaymentCodeUsedException) refused).earlier().tillReference()).isEqualTo(first);
        assertThat(((PaymentCodeUsedException) refused).earlier().status()).isEqualTo(earlier.status());
        assertThat(refused.getMessage()).doesNotContain(digits);
        assertThat(till.ledger.sales().recentSales(10)).hasSize(1);
        assertThat(simulator.requests().stream().filter(request -> request.route() == Route.CREATE_CHARGE).count())
                .isEqualTo(creates);
        assertThat(till.engine.startSale(10_000, PaymentCodes.random(), "cashier-1").join()).isNotNull();
    }

    @Test
    void aPaymentCodeWhoseSaleWasSettledAsNotChargedMayBeScannedAgain() {
        PaymentCode code = PaymentCodes.random();
        simulator.faults().once(Route.CREATE_CHARGE, Fault.ErrorAnswer.serverError());
        Sale notCharged = till.awaitFinal(sell(20_000, code));
        assertThat(notCharged.status()).isEqualTo(SaleStatus.NOT_CREATED);

        Sale paid = till.awaitFinal(sell(20_000, code));

        assertThat(paid.status()).isEqualTo(SaleStatus.SUCCESSFUL);
        assertThatThrownBy(() -> till.engine.startSale(20_000, code, "cashier-1").join())
                .hasCauseInstanceOf(PaymentCodeUsedException.class);
    }

    @Test
    void aUsedPaymentCodeIsStillRefusedAfterARestartAndTheLedgerHoldsNoWholeCode() throws Exception {
        PaymentCode code = PaymentCodes.random();
        till.awaitFinal(sell(20_000, code));
        till.stop();
        till.open();
        till.engine.start().join();

        assertThatThrownBy(() -> till.engine.startSale(20_000, code, "cashier-1").join())
                .hasCauseInstanceOf(PaymentCodeUsedException.class);
        till.ledger.close();
        try (var files = java.nio.file.Files.walk(dataFolder)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(code.digits());
            }
        }
        till.ledger = com.scantill.ledger.Ledger.open(dataFolder);
    }

    @Test
    void refusesAnAmountOutsideTheLimitsBeforeWritingAnything() {
        assertThat(refusalOf(catchThrowable(() -> till.engine.startSale(1_999, PaymentCodes.random(), "cashier-1"))))
                .isEqualTo(Refusal.ofAmount(Refusal.Reason.AMOUNT_OUT_OF_LIMITS, null, 1_999));
        assertThat(refusalOf(catchThrowable(() -> till.engine.startSale(15_000_001, PaymentCodes.random(), "cashier-1"))))
                .isEqualTo(Refusal.ofAmount(Refusal.Reason.AMOUNT_OUT_OF_LIMITS, null, 15_000_001));
        assertThat(till.ledger.sales().recentSales(10)).isEmpty();
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void aPendingSaleIsFollowedAgainAfterARestart() {
        String reference = sellNeverConfirmed();
        Sale pending = till.awaitStatus(reference, SaleStatus.PENDING);
        till.stop();

        till.client.markAsPaid(pending.chargeId());
        till.open();
        till.engine.start().join();

        Sale paid = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(paid.chargeId()).isEqualTo(pending.chargeId());
        assertThat(eventKinds(reference)).contains(EventKind.RECOVERED);
    }

    @Test
    void aSaleStoppedWhileItsChargeWasBeingCreatedIsReconciledAfterARestart() {
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.Latency(Duration.ofMillis(1_000)));
        String reference = sell(30_000, PaymentCodes.random());
        await().atMost(Duration.ofSeconds(5)).until(() -> till.ledger.sales().sale(reference).orElseThrow().status() == SaleStatus.CREATING);
        till.stop();
        try (var ledger = com.scantill.ledger.Ledger.open(dataFolder)) {
            assertThat(ledger.sales().sale(reference).orElseThrow().status()).as("nothing written after the stop")
                    .isEqualTo(SaleStatus.CREATING);
        }

        till.settings = till.settings.withReconciliation(new ReconcilePolicy(20, Duration.ofMillis(200), Duration.ofMinutes(10)));
        till.open();
        till.engine.start().join();

        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(eventKinds(reference)).containsSubsequence(EventKind.CHARGE_REQUESTED, EventKind.RECOVERED,
                EventKind.RECONCILED_FOUND);
        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::id).isEqualTo(sale.chargeId());
    }

    /** Stops the till, takes the sale out of its ledger file as a power cut could, and starts it again. */
    private void restartHavingLost(String reference) {
        till.stop();
        LostRows.forgetSale(dataFolder, reference);
        till.open();
        till.engine.start().join();
    }

    @Test
    void aPaidChargeWhoseSaleTheLedgerLostIsTakenBackFromOmiseOnTheNextStart() {
        simulator.customer().script("134000000000000044", new CustomerBehaviour.Pays(Duration.ofMillis(100)));
        String reference = sell(42_000, PaymentCode.parse("134000000000000044"));
        Sale paid = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);

        restartHavingLost(reference);

        Sale recovered = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(recovered.recoveredFromOmise()).isTrue();
        assertThat(recovered).extracting(Sale::chargeId, Sale::amount, Sale::tillId, Sale::operatorId, Sale::paymentCodeMasked)
                .containsExactly(paid.chargeId(), 42_000L, "till-1", "cashier-1", paid.paymentCodeMasked());
        assertThat(recovered.fee()).isEqualTo(paid.fee());
        assertThat(recovered.refundOwed()).as("a supervisor decides whether it was a real sale").isFalse();
        assertThat(eventKinds(reference)).startsWith(EventKind.RECOVERED_FROM_OMISE);
        assertThatThrownBy(() -> sell(3_000, PaymentCode.parse("134000000000000044")))
                .hasCauseInstanceOf(PaymentCodeUsedException.class);
        assertThat(chargesFor(reference)).hasSize(1);

        Approval forAnotherAmount = till.operators.approve("supervisor-1", Till.SUPERVISOR_PIN.toCharArray(),
                new ApprovalRequest(ApprovalRequest.Action.CONFIRM_RECOVERED, reference, 1));
        assertThat(catchThrowable(() -> till.engine.confirmRecovered(reference, forAnotherAmount).join()))
                .hasCauseInstanceOf(ApprovalRefusedException.class);
        Approval approval = till.operators.approve("supervisor-1", Till.SUPERVISOR_PIN.toCharArray(),
                new ApprovalRequest(ApprovalRequest.Action.CONFIRM_RECOVERED, reference, 42_000));
        Sale confirmed = till.engine.confirmRecovered(reference, approval).join().sale();
        assertThat(confirmed.recoveredFromOmise()).isFalse();
        assertThat(till.ledger.sales().events(reference)).last().extracting(SaleEvent::kind, SaleEvent::operatorId)
                .containsExactly(EventKind.RECOVERY_CONFIRMED, "supervisor-1");
        assertThat(catchThrowable(() -> till.engine.confirmRecovered(reference, approval).join()))
                .hasCauseInstanceOf(CheckoutRefusedException.class);
    }

    @Test
    void aStartWhileOmiseCannotListChargesStillResumesAndTheNextCheckTakesTheLostSaleBack() {
        simulator.customer().script("134000000000000045", new CustomerBehaviour.Pays(Duration.ofMillis(100)));
        String reference = sell(6_000, PaymentCode.parse("134000000000000045"));
        till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        till.stop();
        LostRows.forgetSale(dataFolder, reference);
        for (int i = 0; i < 10; i++) {
            simulator.faults().once(Route.LIST_CHARGES, new Fault.DropConnection());
        }

        till.open();
        till.engine.start().join();
        assertThat(till.ledger.sales().sale(reference)).isEmpty();

        simulator.faults().clear();
        till.engine.sweepNow().join();
        assertThat(till.awaitStatus(reference, SaleStatus.SUCCESSFUL).recoveredFromOmise()).isTrue();
    }

    @Test
    void aPendingChargeWhoseSaleTheLedgerLostIsTakenBackAndExpired() {
        String reference = sellNeverConfirmed();
        till.awaitStatus(reference, SaleStatus.PENDING);

        restartHavingLost(reference);

        Sale recovered = till.awaitStatus(reference, SaleStatus.EXPIRED);
        assertThat(recovered.recoveredFromOmise()).isTrue();
        assertThat(eventKinds(reference)).containsSubsequence(EventKind.RECOVERED_FROM_OMISE, EventKind.EXPIRE_REQUESTED);
        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::status).isEqualTo("expired");
    }

    @Test
    void anotherTillsChargesAreNeverTakenIn() {
        String reference = sellNeverConfirmed();
        till.awaitStatus(reference, SaleStatus.PENDING);
        till.stop();
        LostRows.forgetSale(dataFolder, reference);

        till.settings = till.fastSettings("till-2");
        till.open();
        till.engine.start().join();

        assertThat(till.ledger.sales().sale(reference)).isEmpty();
        assertThat(chargesFor(reference)).singleElement().extracting(ChargeSnapshot::status).isEqualTo("pending");
    }

    @Test
    void aSaleWrittenButNeverSentIsSettledAsNotChargedAfterARestart() {
        till.stop();
        try (var ledger = com.scantill.ledger.Ledger.open(dataFolder)) {
            Sale written = Sale.created("till-1-crashed", "till-1", "cashier-1", 5_000, "THB", PaymentMethod.WECHAT_PAY, "**************1234",
                    till.clock.instant());
            ledger.sales().insert(written, SaleEvent.of(EventKind.SALE_CREATED, written, "cashier-1", 5_000L, null, till.clock.instant()));
        }
        till.open();
        till.engine.start().join();

        Sale settled = till.awaitFinal("till-1-crashed");
        assertThat(settled.status()).isEqualTo(SaleStatus.NOT_CREATED);
        assertThat(eventKinds("till-1-crashed")).containsExactly(EventKind.SALE_CREATED, EventKind.RECOVERED);
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.CREATE_CHARGE).isEmpty();
    }

    /**
     * A sale whose charge is made after the till gave up waiting for the answer: settled as not created, with the
     * charge at the simulator.
     */
    private String saleSettledBeforeItsChargeTurnedUp(PaymentCode code) {
        till.close();
        till.client = TestClients.builderFor(simulator).responseTimeout(Duration.ofMillis(300)).build();
        till.open();
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.Latency(Duration.ofMillis(1_200)));
        String reference = sell(40_000, code);
        assertThat(till.awaitFinal(reference).status()).isEqualTo(SaleStatus.NOT_CREATED);
        await().atMost(Duration.ofSeconds(5)).until(() -> chargesFor(reference).size() == 1);
        return reference;
    }

    @Test
    void aChargeThatTurnsUpAfterTheSaleWasSettledIsFoundAndFlaggedForRefund() {
        simulator.customer().setConfirmDelay(Duration.ZERO);
        String reference = saleSettledBeforeItsChargeTurnedUp(PaymentCodes.random());
        await().atMost(Duration.ofSeconds(5)).until(() -> chargesFor(reference).get(0).status().equals("successful"));

        till.engine.sweepNow().join();

        Sale late = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        assertThat(late.refundOwed()).isTrue();
        assertThat(late.chargeId()).isEqualTo(chargesFor(reference).get(0).id());
        assertThat(late.failureCode()).as("no leftover of the settling as not created").isNull();
        assertThat(late.failureMessage()).isNull();
        assertThat(eventKinds(reference)).containsSubsequence(EventKind.RECONCILED_NOT_FOUND, EventKind.REFUND_OWED);
    }

    @Test
    void theSweepSearchesOnlyTheTimeASalesChargeCanHaveBeenMadeInNotEveryChargeSince() {
        String reference = saleSettledBeforeItsChargeTurnedUp(PaymentCodes.random());
        simulator.advanceClock(Duration.ofHours(1));
        till.clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 250; i++) {
            till.client.createCharge(CreateChargeRequest.of(2_000, PaymentCodes.random(), "other-" + i));
        }
        simulator.clearRequests();

        till.engine.sweepNow().join();

        assertThat(till.awaitStatus(reference, SaleStatus.SUCCESSFUL).refundOwed()).as("the late charge was found").isTrue();
        Instant sweptAt = till.clock.instant();
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.LIST_CHARGES
                        && Instant.parse(request.params().get("to")).isBefore(sweptAt))
                .as("one page for the sale's own time, not three for the 250 charges made since").hasSize(1);
    }

    @Test
    void anotherTillsSalesInASharedLedgerAreLeftToThatTill() {
        simulator.customer().setConfirmDelay(Duration.ZERO);
        String reference = saleSettledBeforeItsChargeTurnedUp(PaymentCodes.random());

        try (CheckoutEngine otherTill = new CheckoutEngine(till.ledger, till.client, till.fastSettings("till-2"),
                TestStaff.WITHOUT_APPROVALS)) {
            otherTill.start().join();
            otherTill.sweepNow().join();
        }

        assertThat(till.ledger.sales().sale(reference).orElseThrow().status()).as("till-2 did not adopt till-1's charge")
                .isEqualTo(SaleStatus.NOT_CREATED);
        assertThat(eventKinds(reference)).doesNotContain(EventKind.LATE_CHARGE_FOUND);
        till.engine.sweepNow().join();
        assertThat(till.awaitStatus(reference, SaleStatus.SUCCESSFUL).refundOwed()).isTrue();
    }

    @Test
    void aPendingChargeThatTurnsUpLateIsExpired() {
        String reference = saleSettledBeforeItsChargeTurnedUp(PaymentCode.parse(CustomerScript.NEVER_CONFIRMS_CODE));

        till.engine.sweepNow().join();

        Sale expired = till.awaitStatus(reference, SaleStatus.EXPIRED);
        assertThat(expired.expireRequested()).isTrue();
        assertThat(expired.refundOwed()).isFalse();
        assertThat(eventKinds(reference)).containsSubsequence(EventKind.LATE_CHARGE_FOUND, EventKind.EXPIRE_REQUESTED);
        assertThat(chargesFor(reference).get(0).status()).isEqualTo("expired");
    }

    @Test
    void aRefundWhoseAnswerWasLostIsSettledByTheSweep() {
        String reference = sell(10_000, PaymentCodes.random());
        Sale sale = till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
        simulator.faults().once(Route.CREATE_REFUND, new Fault.LoseResponse());
        for (int i = 0; i < 4; i++) {
            simulator.faults().once(Route.LIST_REFUNDS, new Fault.DropConnection());
        }

        Throwable unknown = cause(org.assertj.core.api.Assertions.catchThrowable(
                () -> till.engine.refund(reference, 4_000, "cashier-1", till.approveRefund(reference, 4_000, "supervisor-1")).join()));
        assertThat(refusalOf(unknown)).isEqualTo(Refusal.ofAmount(Refusal.Reason.REFUND_OUTCOME_UNKNOWN, reference, 4_000));
        assertThat(till.ledger.sales().refunds(reference)).singleElement().extracting(RefundRecord::status).isEqualTo(RefundStatus.REQUESTED);
        assertThat(refusalOf(catchThrowable(() -> till.engine.refund(reference, 1_000, "cashier-1",
                till.approveRefund(reference, 1_000, "supervisor-1")).join())))
                .isEqualTo(Refusal.ofSale(Refusal.Reason.EARLIER_REFUND_UNANSWERED, reference));

        till.clock.advance(Duration.ofMinutes(5));
        till.engine.sweepNow().join();

        assertThat(till.ledger.sales().refunds(reference)).singleElement().satisfies(refund -> {
            assertThat(refund.status()).isEqualTo(RefundStatus.DONE);
            assertThat(refund.refundId()).startsWith("rfnd_test_");
        });
        assertThat(till.ledger.sales().sale(reference).orElseThrow().refundedAmount()).isEqualTo(4_000);
        assertThat(simulator.charge(sale.chargeId()).orElseThrow().refundCount()).isEqualTo(1);
    }
}
