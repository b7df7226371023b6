package com.scantill.simulator;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhook events to the shop's endpoint as Omise does: the event JSON, signed with the webhook secret when one is
 * set, after a configurable delay, and again with growing pauses while the endpoint does not answer 2xx. Its own
 * signing, apart from the client's checking, so that the two cannot share a mistake.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int TRIES = 5;
    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    /** Where events go, as the merchant set it on the dashboard; {@code null} endpoint sends nothing. */
    private record Endpoint(URI uri, Duration delay, byte[] secret) {
    }

    private volatile Endpoint endpoint;
    private final SimulatorClock clock;
    /** Made at the first delivery, on the sender's one thread: most simulators never send a webhook. */
    private HttpClient http;
    private final ScheduledExecutorService thread;
    private final SecureRandom random = new SecureRandom();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();

    WebhookSender(SimulatorClock clock) {
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(OmiseSimulator.daemonThreads("omise-simulator-webhooks"));
    }

    /**
     * Sends the events from now on to {@code uri} ({@code null}: to nowhere), {@code delay} after what they tell of.
     *
     * @param base64Secret the webhook secret, as Omise's dashboard shows it; {@code null} sends unsigned events
     */
    void sendTo(URI uri, Duration delay, String base64Secret) {
        this.endpoint = uri == null ? null : new Endpoint(uri, delay, base64Secret == null ? null : Base64.getDecoder().decode(base64Secret));
    }

    /** Sends {@code key} about {@code data} (a charge or a refund), after the delay. */
    void send(String key, JsonObject data, String chargeId) {
        Endpoint to = endpoint;
        if (to == null) {
            return;
        }
        JsonObject event = new JsonObject();
        String id = "evnt_test_" + randomId();
        event.addProperty("object", "event");
        event.addProperty("id", id);
        event.addProperty("livemode", false);
        event.addProperty("location", "/events/" + id);
        event.addProperty("key", key);
        event.addProperty("created_at", clock.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.add("data", data.deepCopy());
        schedule(to, id, key, chargeId, event.toString(), 1, to.delay());
    }

    private void schedule(Endpoint to, String id, String key, String chargeId, String body, int attempt, Duration wait) {
        try {
            thread.schedule(() -> deliver(to, id, key, chargeId, body, attempt), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            log.debug("Webhook {} not sent: the simulator stopped", id);
        }
    }

    private void deliver(Endpoint to, String id, String key, String chargeId, String body, int attempt) {
        String timestamp = Long.toString(clock.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(to.uri()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (to.secret() != null) {
            request.header("Omise-Signature", sign(to.secret(), timestamp, body)).header("Omise-Signature-Timestamp", timestamp);
        }
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (deliveries) {
            deliveries.add(new WebhookDelivery(id, key, chargeId, status, clock.now()));
        }
        if ((status < 200 || status >= 300) && attempt < TRIES) {
            log.debug("Webhook {} answered {}; trying again", id, status);
            schedule(to, id, key, chargeId, body, attempt + 1, Duration.ofSeconds(1L << (attempt - 1)));
        }
    }

    private static String sign(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
