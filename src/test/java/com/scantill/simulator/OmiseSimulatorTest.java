package com.scantill.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator spoken to as an integrator would with curl, without the till's client: its own checks of input,
 * its error objects, and the JSON shapes of the reference page.
 */
class OmiseSimulatorTest {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("skey_test_integrator:".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private OmiseSimulator simulator;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(simulator.baseUri().resolve(path))
                .header("Authorization", AUTH)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/x-www-form-urlencoded", body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void answersTheCurlCommandOfTheReferencePageWithAChargeOfTheSameShape() throws Exception {
        // curl -d sends the brackets as they are, unencoded.
        HttpResponse<String> response = form("/charges",
                "amount=150000&currency=THB&source[type]=wechat_pay_upm&source[barcode]=130991292552725093");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject charge = json(response);
        JsonObject reference = JsonParser.parseString(new String(getClass()
                .getResourceAsStream("/com/scantill/omise/charge-wechat-pay-upm.json").readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(charge.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(charge.getAsJsonObject("source").keySet())
                .containsExactlyInAnyOrderElementsOf(reference.getAsJsonObject("source").keySet());
        for (String field : new String[] {"amount", "net", "fee", "fee_vat", "currency", "status", "transaction_fees"}) {
            assertThat(charge.get(field)).as(field).isEqualTo(reference.get(field));
        }
        assertThat(charge.get("id").getAsString()).matches("chrg_test_[0-9a-z]{19}");
    }

    @Test
    void acceptsAJsonBodyAsTheOfficialClientsSendIt() throws Exception {
        HttpResponse<String> response = post("/charges", "application/json",
                "{\"amount\":2000,\"currency\":\"thb\",\"source\":{\"type\":\"wechat_pay_upm\",\"barcode\":\"101234567890123456\"},"
                        + "\"metadata\":{\"till_reference\":\"J-1\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getAsJsonObject("metadata").get("till_reference").getAsString()).isEqualTo("J-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "amount=1999&currency=THB&source[type]=wechat_pay_upm&source[barcode]=130991292552725093 | invalid_charge | at least 2000",
        "amount=15000001&currency=THB&source[type]=wechat_pay_upm&source[barcode]=130991292552725093 | invalid_charge | 15000000",
        "amount=12.50&currency=THB&source[type]=wechat_pay_upm&source[barcode]=130991292552725093 | invalid_charge | integer",
        "amount=5000&currency=USD&source[type]=wechat_pay_upm&source[barcode]=130991292552725093 | invalid_charge | currency",
        "amount=5000&currency=THB&source[type]=wechat_pay_upm&source[barcode]=160991292552725093 | invalid_charge | barcode",
        "amount=5000&currency=THB&source[type]=promptpay | invalid_charge | source type"})
    void refusesBadInputWithTheApiErrorObject(String body, String code, String message) throws Exception {
        HttpResponse<String> response = form("/charges", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = json(response);
        assertThat(error.get("object").getAsString()).isEqualTo("error");
        assertThat(error.get("code").getAsString()).isEqualTo(code);
        assertThat(error.get("message").getAsString()).contains(message);
        assertThat(simulator.charges()).isEmpty();
    }

    @Test
    void answersNotFoundForUnknownChargesAndPaths() throws Exception {
        HttpResponse<String> charge = http.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/charges/chrg_test_nope"))
                .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> path = http.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/customers"))
                .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(charge.statusCode()).isEqualTo(404);
        assertThat(json(charge).get("code").getAsString()).isEqualTo("not_found");
        assertThat(path.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesRequestsWithoutATestKey() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/charges")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("code").getAsString()).isEqualTo("authentication_failure");
    }

    @Test
    void theScriptedCustomerPaysAfterTheConfiguredDelay() throws Exception {
        simulator.customer().setConfirmDelay(Duration.ofMillis(50));
        String id = json(form("/charges",
                "amount=5000&currency=THB&source[type]=wechat_pay_upm&source[barcode]=130991292552725093")).get("id").getAsString();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator.charge(id).orElseThrow().status().equals("successful"));
        ChargeSnapshot paid = simulator.charge(id).orElseThrow();
        assertThat(Duration.between(paid.createdAt(), paid.statusChangedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void listensOnlyOnThisComputer() {
        URI uri = simulator.baseUri();

        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive();
    }

    @Test
    void theJournalKeepsOnlyTheNewestRequestsUpToItsLimit() throws Exception {
        try (OmiseSimulator small = OmiseSimulator.start(OmiseSimulator.options().journalLimit(3))) {
            for (int i = 0; i < 5; i++) {
                http.send(HttpRequest.newBuilder(small.baseUri().resolve("/charges/chrg_test_" + i)).header("Authorization", AUTH)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
            }

            assertThat(small.requests()).extracting(RecordedRequest::path)
                    .containsExactly("/charges/chrg_test_2", "/charges/chrg_test_3", "/charges/chrg_test_4");
        }
    }

    @Test
    void aTrainingSimulatorNeverTakesRandomFaultsButATestsOneOffFaultStillStrikes() throws Exception {
        try (OmiseSimulator training = OmiseSimulator.start(OmiseSimulator.options().forTraining())) {
            assertThat(catchThrowable(() -> training.faults().randomly(
                    new RandomFaults(1, 0, Duration.ZERO, 1, 0, 0, 0)))).isInstanceOf(IllegalStateException.class);
            training.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(training.baseUri().resolve("/charges/chrg_test_1"))
                    .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(500);
        }
    }
}
