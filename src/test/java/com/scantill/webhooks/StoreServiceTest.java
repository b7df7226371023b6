package com.scantill.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import com.scantill.model.ChargeNotice;
import com.scantill.model.PaymentCode;
import com.scantill.model.WebhookRecord;
import com.scantill.omise.Charge;
import com.scantill.omise.ChargeCreation;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.WebhookSignature;
import com.scantill.simulator.CustomerBehaviour;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.Route;
import com.scantill.simulator.WebhookDelivery;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import com.scantill.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store service over real HTTP, on a real PostgreSQL, with the simulator as Omise posting its webhooks: what it
 * keeps, whom it tells, and what it refuses.
 */
class StoreServiceTest {

    private static final String SECRET = Base64.getEncoder().encodeToString("whsec test secret of the shop".getBytes(StandardCharsets.UTF_8));
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @TempDir
    Path keyFolder;

    private final HttpClient http = HttpClient.newHttpClient();
    private OmiseSimulator simulator;
    private OmiseClient omise;
    private Ledger store;
    private StoreService service;
    private RecordingNotices till;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start();
        omise = TestClients.clientFor(simulator);
        String url = TestPostgres.freshDatabaseUrl();
        store = Ledger.openStore(TestPostgres.pool(url), keyFolder);
        service = StoreService.start(store, omise, WebhookSignature.withSecret(SECRET, TOLERANCE),
                StoreService.Options.standard().withPort(0).withHeartbeat(Duration.ofMillis(200)), Clock.systemUTC());
        simulator.sendWebhooksTo(service.webhookUri(), Duration.ZERO, SECRET);
        till = new RecordingNotices(url);
        await().atMost(Duration.ofSeconds(10)).until(till::working);
    }

    @AfterEach
    void stop() {
        till.close();
        service.close();
        store.close();
        omise.close();
        simulator.close();
    }

    @Test
    void omisesSignedCompletionIsKeptAndToldToTheTillThatMadeTheCharge() {
        Charge charge = charge("till-7", "sale-1", new CustomerBehaviour.Pays(Duration.ofMillis(300)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !till.about(charge.id()).isEmpty());

        assertThat(till.about(charge.id())).containsExactly(new ChargeNotice(charge.id(), "till-7", "sale-1", "successful"));
        assertThat(store.webhooks().events()).extracting(WebhookRecord::key, WebhookRecord::outcome).containsExactly(
                tuple("charge.create", WebhookRecord.Outcome.IGNORED),
                tuple("charge.complete", WebhookRecord.Outcome.TILL_TOLD));
        assertThat(simulator.webhookDeliveries()).extracting(WebhookDelivery::status).containsOnly(200);
        assertThat(store.webhooks().events().get(1)).satisfies(event -> {
            assertThat(event.chargeStatus()).isEqualTo("successful");
            assertThat(event.tillId()).isEqualTo("till-7");
            assertThat(event.tillReference()).isEqualTo("sale-1");
        });
    }

    @Test
    void anEventDeliveredAgainIsKeptOnceAndToldOnce() throws Exception {
        Charge charge = charge("till-1", "sale-2", new CustomerBehaviour.NeverConfirms());
        String body = event("evnt_test_twice", "charge.complete", charge.id());

        assertThat(post(body, signed(body, Instant.now()))).isEqualTo(200);
        assertThat(post(body, signed(body, Instant.now()))).isEqualTo(200);
        assertThat(post(body, signed(body, Instant.now()))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> !till.about(charge.id()).isEmpty());
        Thread.sleep(300);
        assertThat(till.about(charge.id())).hasSize(1);
        assertThat(store.webhooks().events()).filteredOn(event -> event.eventId().equals("evnt_test_twice")).hasSize(1);
    }

    @Test
    void forgedUnsignedAndReplayedDeliveriesAreRefusedAndNothingIsKeptOrTold() throws Exception {
        Charge charge = charge("till-1", "sale-3", new CustomerBehaviour.NeverConfirms());
        String body = event("evnt_test_forged", "charge.complete", charge.id());
        String otherSecret = Base64.getEncoder().encodeToString("a guess".getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        String timestamp = Long.toString(now.getEpochSecond());

        assertThat(post(body, Map.of(WebhookSignature.TIMESTAMP_HEADER, timestamp,
                WebhookSignature.SIGNATURE_HEADER, hmac(otherSecret, timestamp, body)))).isEqualTo(401);
        assertThat(post(body, Map.of())).isEqualTo(401);
        assertThat(post(body, signed(body, now.minus(Duration.ofMinutes(10))))).isEqualTo(401);
        String altered = body.replace("charge.complete", "refund.create");
        assertThat(post(altered, signed(body, now))).isEqualTo(401);

        Thread.sleep(500);
        assertThat(store.webhooks().seen("evnt_test_forged")).isFalse();
        assertThat(till.about(charge.id())).isEmpty();
    }

    @Test
    void withoutASecretThePayloadIsStillNeverBelieved() throws Exception {
        service.close();
        service = StoreService.start(store, omise, null, StoreService.Options.standard().withPort(0)
                .withHeartbeat(Duration.ofMillis(200)), Clock.systemUTC());
        Charge charge = charge("till-1", "sale-4", new CustomerBehaviour.NeverConfirms());
        String claimsPaid = event("evnt_test_claims_paid", "charge.complete", charge.id())
                .replace("\"object\":\"charge\"", "\"object\":\"charge\",\"status\":\"successful\",\"paid\":true");

        assertThat(post(claimsPaid, Map.of())).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> !till.about(charge.id()).isEmpty());
        assertThat(till.about(charge.id()).get(0).status()).as("what Omise said, not the payload").isEqualTo("pending");
    }

    @Test
    void eventsOfUnknownChargesOfNoTillAndOfOtherKindsAreKeptButToldToNoTill() throws Exception {
        String unknown = event("evnt_test_unknown", "charge.complete", "chrg_test_nosuchchargeanywhere1");
        String customer = "{\"object\":\"event\",\"id\":\"evnt_test_customer\",\"key\":\"customer.create\","
                + "\"data\":{\"object\":\"customer\",\"id\":\"cust_test_1\"}}";
        ChargeCreation created = omise.createCharge(CreateChargeRequest.of(50_000, PaymentCodes.random(), "dashboard-sale"));
        String dashboards = event("evnt_test_dashboard", "charge.complete", ((ChargeCreation.Created) created).charge().id());

        assertThat(post(unknown, signed(unknown, Instant.now()))).isEqualTo(200);
        assertThat(post(customer, signed(customer, Instant.now()))).isEqualTo(200);
        assertThat(post(dashboards, signed(dashboards, Instant.now()))).isEqualTo(200);
        assertThat(post("{\"object\":\"event\"", signed("{\"object\":\"event\"", Instant.now()))).isEqualTo(400);

        assertThat(store.webhooks().events()).extracting(WebhookRecord::eventId, WebhookRecord::outcome).contains(
                tuple("evnt_test_unknown", WebhookRecord.Outcome.UNKNOWN_CHARGE),
                tuple("evnt_test_customer", WebhookRecord.Outcome.IGNORED),
                tuple("evnt_test_dashboard", WebhookRecord.Outcome.NOT_A_TILLS_CHARGE));
        Thread.sleep(300);
        assertThat(till.heard).isEmpty();
    }

    @Test
    void whenOmiseCannotBeAskedTheEventIsNotKeptSoThatOmisesNextDeliveryIsActedOn() {
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
        simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
        Charge charge = charge("till-2", "sale-5", new CustomerBehaviour.Pays(Duration.ofMillis(100)));

        await().atMost(Duration.ofSeconds(15)).until(() -> !till.about(charge.id()).isEmpty());

        List<WebhookDelivery> completions = simulator.webhookDeliveries().stream()
                .filter(delivery -> delivery.key().equals("charge.complete")).toList();
        assertThat(completions).extracting(WebhookDelivery::status).startsWith(503).endsWith(200);
        assertThat(completions).extracting(WebhookDelivery::eventId).containsOnly(completions.get(0).eventId());
        assertThat(till.about(charge.id())).singleElement().extracting(ChargeNotice::status).isEqualTo("successful");
    }

    @Test
    void theHealthPageSaysWhetherTheStoreIsReachable() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                + StoreService.HEALTH_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("store reachable");
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                + "/admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void whenTheServiceStopsBeatingPushCountsAsStoppedAndComesBackWithIt() {
        assertThat(till.pushChanges).containsExactly(true);
        int port = service.port();
        service.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !till.working());

        service = StoreService.start(store, omise, WebhookSignature.withSecret(SECRET, TOLERANCE),
                StoreService.Options.standard().withPort(port).withHeartbeat(Duration.ofMillis(200)), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(10)).until(till::working);
        assertThat(till.pushChanges).containsExactly(true, false, true);
    }

    private Charge charge(String tillId, String reference, CustomerBehaviour customer) {
        PaymentCode code = PaymentCodes.neverConfirmed();
        simulator.customer().script(code.digits(), customer);
        ChargeCreation creation = omise.createCharge(CreateChargeRequest.of(50_000, code, reference)
                .withMetadata(Map.of(CreateChargeRequest.TILL_ID_KEY, tillId)));
        return ((ChargeCreation.Created) creation).charge();
    }

    private static String event(String id, String key, String chargeId) {
        return "{\"object\":\"event\",\"id\":\"" + id + "\",\"livemode\":false,\"key\":\"" + key
                + "\",\"created_at\":\"2026-11-26T09:00:00Z\",\"data\":{\"object\":\"charge\",\"id\":\"" + chargeId + "\"}}";
    }

    private static Map<String, String> signed(String body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        return Map.of(WebhookSignature.TIMESTAMP_HEADER, timestamp, WebhookSignature.SIGNATURE_HEADER, hmac(SECRET, timestamp, body));
    }

    private static String hmac(String base64Secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.webhookUri()).header("Content-Type", "application/json")
                .header("X-Request-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
