package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.CheckoutSettings;
import com.scantill.checkout.PollingSchedule;
import com.scantill.checkout.ReconcilePolicy;
import com.scantill.checkout.SaleState;
import com.scantill.checkout.Staff;
import com.scantill.ledger.ChargeNotices;
import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.WebhookSignature;
import com.scantill.simulator.CustomerBehaviour;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.Route;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.RestartablePostgres;
import com.scantill.testing.TestClients;
import com.scantill.testing.TestPostgres;
import com.scantill.webhooks.StoreService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Omise's news pushed to the tills, the whole way: the simulator posts its webhooks to the store service, which tells
 * each till through PostgreSQL, and the till's {@link StoreLink} hands the notice to its checkout engine. The safety
 * net is set to a minute here, so that a payment seen within seconds can only have come through the push.
 */
class StorePushTest {

    private static final String SECRET = Base64.getEncoder().encodeToString("push test secret".getBytes());
    private static final ChargeNotices.Timing QUICK = new ChargeNotices.Timing(Duration.ofMillis(1_500), Duration.ofMillis(100),
            Duration.ofMillis(200));
    private static final Staff ANYONE = new Staff() {
        @Override
        public boolean mayWork(String operatorId) {
            return true;
        }

        @Override
        public Optional<String> spend(Approval approval, ApprovalRequest request) {
            return Optional.empty();
        }
    };

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private OmiseSimulator simulator;
    private OmiseClient omise;
    private Ledger store;
    private StoreService service;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** The shop: Omise, its store on the database at {@code url}, and the store service between them. */
    private void openShop(String url) {
        simulator = closing(OmiseSimulator.start());
        omise = closing(TestClients.clientFor(simulator));
        store = closing(Ledger.openStore(TestPostgres.pool(url), folder.resolve("store")));
        startService(0);
    }

    private void startService(int port) {
        service = closing(StoreService.start(store, omise, WebhookSignature.withSecret(SECRET, Duration.ofMinutes(5)),
                StoreService.Options.standard().withPort(port).withHeartbeat(Duration.ofMillis(200)), Clock.systemUTC()));
        simulator.sendWebhooksTo(service.webhookUri(), Duration.ZERO, SECRET);
    }

    private record TillUnderTest(String id, Ledger ledger, CheckoutEngine engine, StoreLink link) {
    }

    private TillUnderTest till(String id, String storeUrl) {
        return till(id, storeUrl, Duration.ofMinutes(1));
    }

    private TillUnderTest till(String id, String storeUrl, Duration safetyNet) {
        Ledger ledger = closing(Ledger.open(folder.resolve(id)));
        CheckoutEngine engine = closing(new CheckoutEngine(ledger, omise, CheckoutSettings.defaults(id)
                .withPushedPolling(PollingSchedule.fixed(safetyNet))
                .withReconciliation(new ReconcilePolicy(6, Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .withPendingLimit(Duration.ofMinutes(10)), ANYONE));
        engine.start().join();
        StoreLink link = closing(new StoreLink(new StoreSettings(storeUrl, "postgres", null), new SettingsStore(folder.resolve(id), Map.of()), ledger, id, folder.resolve(id),
                Clock.systemUTC()));
        link.listen(engine, QUICK);
        await().atMost(Duration.ofSeconds(10)).until(() -> link.state().pushed());
        return new TillUnderTest(id, ledger, engine, link);
    }

    private SaleState sell(TillUnderTest till, CustomerBehaviour customer) {
        PaymentCode code = PaymentCodes.neverConfirmed();
        simulator.customer().script(code.digits(), customer);
        return till.engine().startSale(50_000, code, "cashier-1").join();
    }

    private SaleStatus status(TillUnderTest till, String reference) {
        return till.engine().state(reference).orElseThrow().sale().status();
    }

    private long retrievesOf(String chargeId) {
        return simulator.requests().stream()
                .filter(request -> request.route() == Route.RETRIEVE_CHARGE && chargeId.equals(request.chargeId())).count();
    }

    private String chargeOf(TillUnderTest till, String reference) {
        await().atMost(Duration.ofSeconds(10)).until(() -> till.engine().state(reference).orElseThrow().sale().chargeId() != null);
        return till.engine().state(reference).orElseThrow().sale().chargeId();
    }

    @Test
    void aPaymentIsSeenThroughThePushWithinAMomentAndOneLookOfTheTills() {
        String url = TestPostgres.freshDatabaseUrl();
        openShop(url);
        TillUnderTest till = till("till-1", url);

        String reference = sell(till, new CustomerBehaviour.Pays(Duration.ofSeconds(2))).sale().tillReference();
        String chargeId = chargeOf(till, reference);

        await().atMost(Duration.ofSeconds(6)).until(() -> status(till, reference) == SaleStatus.SUCCESSFUL);
        Instant paidAtOmise = simulator.charge(chargeId).orElseThrow().statusChangedAt();
        Instant seen = till.ledger().sales().events(reference).stream()
                .filter(event -> event.kind() == EventKind.STATUS_SEEN).map(SaleEvent::occurredAt).findFirst().orElseThrow();
        assertThat(Duration.between(paidAtOmise, seen)).isLessThan(Duration.ofSeconds(2));
        assertThat(retrievesOf(chargeId)).as("the store service's look and the till's, no polling").isEqualTo(2);
    }

    @Test
    void whenPushStopsTheTillPollsAsUsualAtOnceAndWhenItReturnsPollsOnlyAsASafetyNet() {
        String url = TestPostgres.freshDatabaseUrl();
        openShop(url);
        TillUnderTest till = till("till-1", url);
        String reference = sell(till, new CustomerBehaviour.NeverConfirms()).sale().tillReference();
        String chargeId = chargeOf(till, reference);

        service.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !till.link().state().pushed());
        omise.markAsPaid(chargeId);

        await().atMost(Duration.ofSeconds(8)).until(() -> status(till, reference) == SaleStatus.SUCCESSFUL);

        startService(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> till.link().state().pushed());
        assertNoLookFor3sAtAPendingCharge(till, "no polling of a pending charge while push works");
    }

    @Test
    void whenOmisesWebhooksStopReachingTheStoreThoughItsHeartbeatIsHeardTheTillPollsAsUsualAgain() {
        String url = TestPostgres.freshDatabaseUrl();
        openShop(url);
        TillUnderTest till = till("till-1", url, Duration.ofSeconds(4));
        simulator.sendWebhooksTo(null, Duration.ZERO, null);

        for (int i = 0; i < 2; i++) {
            String reference = sell(till, new CustomerBehaviour.Pays(Duration.ofMillis(300))).sale().tillReference();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(till, reference) == SaleStatus.SUCCESSFUL);
        }
        assertThat(till.link().state().pushed()).as("the store's heartbeat is still heard").isTrue();

        String reference = sell(till, new CustomerBehaviour.Pays(Duration.ofMillis(300))).sale().tillReference();
        String chargeId = chargeOf(till, reference);
        await().atMost(Duration.ofMillis(2_500)).until(() -> status(till, reference) == SaleStatus.SUCCESSFUL);
        assertThat(retrievesOf(chargeId)).as("looked at every second or so, not once in 4 s").isGreaterThanOrEqualTo(1);

        simulator.sendWebhooksTo(service.webhookUri(), Duration.ZERO, SECRET);
        String pushedAgain = sell(till, new CustomerBehaviour.Pays(Duration.ofMillis(300))).sale().tillReference();
        await().atMost(Duration.ofSeconds(3)).until(() -> status(till, pushedAgain) == SaleStatus.SUCCESSFUL);
        assertNoLookFor3sAtAPendingCharge(till, "a notice came: the safety net again, no look in 3 s");
    }

    @Test
    void aSaleWhoseCreationAnswerWasLostIsFoundByTheChargeTheStoreNames() {
        String url = TestPostgres.freshDatabaseUrl();
        openShop(url);
        TillUnderTest till = till("till-1", url);
        simulator.faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());

        String reference = sell(till, new CustomerBehaviour.Pays(Duration.ofSeconds(1))).sale().tillReference();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(till, reference) == SaleStatus.SUCCESSFUL);
        assertThat(till.ledger().sales().events(reference)).extracting(SaleEvent::kind)
                .contains(EventKind.OUTCOME_UNKNOWN, EventKind.RECONCILED_FOUND)
                .doesNotContain(EventKind.RECONCILED_NOT_FOUND);
        assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.CREATE_CHARGE).hasSize(1);
    }

    @Test
    void aTillHearsOnlyOfItsOwnChargesAndALateEventChangesNothing() {
        String url = TestPostgres.freshDatabaseUrl();
        openShop(url);
        TillUnderTest one = till("till-1", url);
        TillUnderTest two = till("till-2", url);
        String waiting = sell(one, new CustomerBehaviour.NeverConfirms()).sale().tillReference();
        String waitingCharge = chargeOf(one, waiting);
        String paid = sell(two, new CustomerBehaviour.Pays(Duration.ofMillis(500))).sale().tillReference();
        String paidCharge = chargeOf(two, paid);
        await().atMost(Duration.ofSeconds(6)).until(() -> status(two, paid) == SaleStatus.SUCCESSFUL);
        long tillOnesLooks = retrievesOf(waitingCharge);

        List<SaleEvent> before = two.ledger().sales().events(paid);
        omise.markAsFailed(waitingCharge);
        await().atMost(Duration.ofSeconds(6)).until(() -> status(one, waiting) == SaleStatus.FAILED);
        omise.createRefund(paidCharge, new CreateRefundRequest(10_000, "late-refund-1"));
        await().atMost(Duration.ofSeconds(6)).until(() -> store.webhooks().events().stream()
                .anyMatch(event -> event.key().equals("refund.create")));
        sleep(Duration.ofMillis(500));

        assertThat(two.ledger().sales().events(paid)).as("a final sale is not changed by a late event").isEqualTo(before);
        assertThat(retrievesOf(waitingCharge) - tillOnesLooks).as("till 1 looked once, on its own charge's notice").isEqualTo(2);
    }

    @Test
    void postgresRestartedUnderTheListeningTills() {
        RestartablePostgres server = closing(new RestartablePostgres(folder.resolve("pg")));
        openShop(server.url());
        TillUnderTest one = till("till-1", server.url());
        TillUnderTest two = till("till-2", server.url());

        server.restart();
        await().atMost(Duration.ofSeconds(20)).until(() -> one.link().state().pushed() && two.link().state().pushed());

        String first = sell(one, new CustomerBehaviour.Pays(Duration.ofSeconds(1))).sale().tillReference();
        String second = sell(two, new CustomerBehaviour.Pays(Duration.ofSeconds(1))).sale().tillReference();
        await().atMost(Duration.ofSeconds(8)).until(() -> status(one, first) == SaleStatus.SUCCESSFUL
                && status(two, second) == SaleStatus.SUCCESSFUL);
        assertThat(retrievesOf(chargeOf(one, first))).as("seen through the push, not a poll").isEqualTo(2);
    }

    /** A charge the customer never confirms is not looked at for 3 s: the till polls only as the safety net. */
    private void assertNoLookFor3sAtAPendingCharge(TillUnderTest till, String why) {
        String reference = sell(till, new CustomerBehaviour.NeverConfirms()).sale().tillReference();
        String chargeId = chargeOf(till, reference);
        long looks = retrievesOf(chargeId);
        sleep(Duration.ofSeconds(3));
        assertThat(retrievesOf(chargeId)).as(why).isEqualTo(looks);
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
