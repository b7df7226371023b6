package com.scantill.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.net.WWWFormCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the Omise API over HTTP: routing, authentication, faults, and the API's JSON answers and errors. */
final class SimulatorHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SimulatorHandler.class);
    private static final Pattern CHARGES = Pattern.compile("/charges/?");
    private static final Pattern CHARGE = Pattern.compile("/charges/([^/]+)/?");
    private static final Pattern CHARGE_ACTION = Pattern.compile("/charges/([^/]+)/(expire|mark_as_paid|mark_as_failed)/?");
    private static final Pattern REFUNDS = Pattern.compile("/charges/([^/]+)/refunds/?");
    private static final Pattern REFUND = Pattern.compile("/charges/([^/]+)/refunds/([^/]+)/?");
    private static final long MIN_AMOUNT = 2_000;
    private static final long MAX_AMOUNT = 15_000_000;
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final ChargeBook book;
    private final SimulatorClock clock;
    private final CustomerScript customer;
    private final MerchantAccount account;
    private final FaultInjector faults;
    private final ScheduledExecutorService customerActions;
    private final Duration chargeLifetime;
    private final WebhookSender webhooks;
    private final Consumer<RecordedRequest> journal;

    SimulatorHandler(ChargeBook book, SimulatorClock clock, CustomerScript customer, MerchantAccount account, FaultInjector faults,
                     ScheduledExecutorService customerActions, Duration chargeLifetime, WebhookSender webhooks,
                     Consumer<RecordedRequest> journal) {
        this.book = book;
        this.clock = clock;
        this.customer = customer;
        this.account = account;
        this.faults = faults;
        this.customerActions = customerActions;
        this.chargeLifetime = chargeLifetime;
        this.webhooks = webhooks;
        this.journal = journal;
    }

    private record Call(Route route, String chargeId, String refundId, String method, String path,
                        Map<String, String> params) {
    }

    /** Thrown out of the handler so that the JDK server closes the connection without an answer. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("connection dropped by fault injection", null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = clock.now();
        Call call;
        try {
            call = parse(exchange);
        } catch (ApiError error) {
            send(exchange, Answer.error(error.status(), error.code(), error.getMessage(), null));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : List.of("User-Agent", "Omise-Version", "Content-Type")) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Answer answer;
        boolean loseResponse = false;
        Fault.AlteredAnswer altered = null;
        try {
            Answer faultAnswer = null;
            for (Fault fault : faults.faultsFor(call.route())) {
                if (fault instanceof Fault.Latency latency) {
                    sleep(latency.delay());
                } else if (fault instanceof Fault.DropConnection) {
                    journal.accept(new RecordedRequest(receivedAt, clock.now(), call.method(), call.path(), call.route(),
                            call.chargeId(), call.params(), headers, 0));
                    throw new DroppedConnection();
                } else if (fault instanceof Fault.ErrorAnswer error) {
                    faultAnswer = Answer.error(error.status(), error.code(), "injected fault", error.retryAfter());
                } else if (fault instanceof Fault.GatewayPage page) {
                    faultAnswer = new Answer(page.status(), "text/html",
                            "<html><body><h1>" + page.status() + " Bad Gateway</h1></body></html>", null);
                } else if (fault instanceof Fault.LoseResponse) {
                    loseResponse = true;
                } else if (fault instanceof Fault.AlteredAnswer alter) {
                    altered = alter;
                }
            }
            answer = faultAnswer != null ? faultAnswer : serve(exchange, call);
        } catch (ApiError error) {
            answer = Answer.error(error.status(), error.code(), error.getMessage(), null);
        }
        if (!"GET".equals(call.method())) {
            book.changed();
        }
        if (altered != null) {
            answer = new Answer(answer.status(), answer.contentType(), altered.alter().apply(answer.body()), answer.retryAfter());
        }
        journal.accept(new RecordedRequest(receivedAt, clock.now(), call.method(), call.path(), call.route(), call.chargeId(),
                call.params(), headers, loseResponse ? 0 : answer.status()));
        if (loseResponse) {
            throw new DroppedConnection();
        }
        send(exchange, answer);
    }

    private Answer serve(HttpExchange exchange, Call call) {
        authenticate(exchange);
        Instant now = clock.now();
        return switch (call.route()) {
            case CREATE_CHARGE -> Answer.json(createCharge(call.params(), now));
            case RETRIEVE_CHARGE -> Answer.json(book.get(call.chargeId()).toJson(now));
            case LIST_CHARGES -> Answer.json(listCharges(call.params(), now));
            case EXPIRE_CHARGE -> {
                SimulatedCharge charge = book.get(call.chargeId());
                charge.expire(now);
                yield Answer.json(told("charge.expire", charge, now));
            }
            case MARK_AS_PAID -> {
                SimulatedCharge charge = book.get(call.chargeId());
                charge.markAsPaid(now);
                yield Answer.json(told("charge.complete", charge, now));
            }
            case MARK_AS_FAILED -> {
                SimulatedCharge charge = book.get(call.chargeId());
                String code = call.params().getOrDefault("failure_code", "payment_rejected");
                charge.markAsFailed(code, CustomerScript.failureMessage(code), now);
                yield Answer.json(told("charge.complete", charge, now));
            }
            case CREATE_REFUND -> {
                JsonObject refund = createRefund(call, now);
                webhooks.send("refund.create", refund, call.chargeId());
                yield Answer.json(refund);
            }
            case RETRIEVE_REFUND -> Answer.json(book.get(call.chargeId()).refunds(now).stream()
                    .filter(refund -> refund.get("id").getAsString().equals(call.refundId()))
                    .findFirst()
                    .orElseThrow(() -> new ApiError(404, "not_found", "refund " + call.refundId() + " was not found")));
            case LIST_REFUNDS -> Answer.json(listRefunds(call, now));
            case NOT_FOUND -> throw new ApiError(404, "not_found", "path " + call.path() + " was not found");
        };
    }

    private JsonObject createCharge(Map<String, String> params, Instant now) {
        long amount = amountParam(params, "invalid_charge");
        if (amount < MIN_AMOUNT) {
            throw new ApiError(400, "invalid_charge", "amount must be at least " + MIN_AMOUNT);
        }
        if (amount > MAX_AMOUNT) {
            throw new ApiError(400, "invalid_charge", "amount must be less than or equal to " + MAX_AMOUNT);
        }
        String currency = params.getOrDefault("currency", "");
        if (!currency.equalsIgnoreCase("THB")) {
            throw new ApiError(400, "invalid_charge", "currency is currently not supported");
        }
        String sourceType = params.getOrDefault("source[type]", "");
        if (!account.isKnown(sourceType)) {
            throw new ApiError(400, "invalid_charge", "source type is not supported by this simulator");
        }
        if (!account.isEnabled(sourceType)) {
            throw new ApiError(400, "invalid_charge", "source type " + sourceType + " is not enabled for this account");
        }
        String barcode = params.getOrDefault("source[barcode]", "");
        if (!account.accepts(sourceType, barcode)) {
            throw new ApiError(400, "invalid_charge", "source barcode is invalid");
        }
        String provider = MerchantAccount.ALIPAY_PLUS_UPM.equals(sourceType) ? customer.walletOf(barcode) : null;
        SimulatedCharge charge = book.create(amount, "THB", barcode, sourceType, provider, params.get("description"),
                prefixed(params, "metadata"), now, chargeLifetime);
        CustomerBehaviour behaviour = customer.behaviourFor(barcode);
        book.plan(charge.id(), behaviour);
        scheduleCustomer(charge, behaviour);
        log.debug("Created {} for {} satang", charge.id(), amount);
        return told("charge.create", charge, now);
    }

    private void scheduleCustomer(SimulatedCharge charge, CustomerBehaviour behaviour) {
        Duration after;
        if (behaviour instanceof CustomerBehaviour.Pays pays) {
            after = pays.after();
        } else if (behaviour instanceof CustomerBehaviour.Fails fails) {
            after = fails.after();
        } else {
            return;
        }
        customerActions.schedule(() -> {
            Instant now = clock.now();
            if (charge.customerActs(behaviour, now)) {
                told("charge.complete", charge, now);
            }
            book.changed();
        }, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The charge as it is now, sent to the webhook endpoint as event {@code key}. */
    private JsonObject told(String key, SimulatedCharge charge, Instant now) {
        JsonObject json = charge.toJson(now);
        webhooks.send(key, json, charge.id());
        return json;
    }

    /** The customers of charges still pending when the simulator last stopped carry on as planned. */
    void resumeCustomers() {
        Instant now = clock.now();
        for (SimulatedCharge charge : book.all()) {
            if (charge.isPending(now)) {
                book.planFor(charge.id()).ifPresent(behaviour -> scheduleCustomer(charge, behaviour));
            }
        }
    }

    private JsonObject listCharges(Map<String, String> params, Instant now) {
        Instant from = timeParam(params, "from", Instant.EPOCH);
        Instant to = timeParam(params, "to", now);
        int offset = intParam(params, "offset", 0);
        int limit = Math.min(MAX_LIMIT, Math.max(1, intParam(params, "limit", DEFAULT_LIMIT)));
        String order = params.getOrDefault("order", "chronological");
        List<JsonObject> data = new ArrayList<>(book.createdBetween(from, to).stream().map(c -> c.toJson(now)).toList());
        orderList(data, order);
        return SimulatedCharge.list(data, "/charges", offset, limit, order, from, to);
    }

    private JsonObject createRefund(Call call, Instant now) {
        SimulatedCharge charge = book.get(call.chargeId());
        long amount = amountParam(call.params(), "invalid_amount");
        return charge.refund(amount, prefixed(call.params(), "metadata"), book.newId("rfnd_test_"),
                book.newId("trxn_test_"), now);
    }

    private JsonObject listRefunds(Call call, Instant now) {
        List<JsonObject> refunds = new ArrayList<>(book.get(call.chargeId()).refunds(now));
        Map<String, String> params = call.params();
        int offset = intParam(params, "offset", 0);
        int limit = Math.min(MAX_LIMIT, Math.max(1, intParam(params, "limit", DEFAULT_LIMIT)));
        String order = params.getOrDefault("order", "chronological");
        orderList(refunds, order);
        return SimulatedCharge.list(refunds, "/charges/" + call.chargeId() + "/refunds", offset, limit, order,
                Instant.EPOCH, now);
    }

    private static void orderList(List<JsonObject> data, String order) {
        switch (order) {
            case "chronological" -> { }
            case "reverse_chronological" -> Collections.reverse(data);
            default -> throw new ApiError(400, "bad_request", "order must be chronological or reverse_chronological");
        }
    }

    private static void authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            try {
                String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                String user = credentials.contains(":") ? credentials.substring(0, credentials.indexOf(':')) : credentials;
                if (user.startsWith("skey_test_") && user.length() > "skey_test_".length()) {
                    return;
                }
            } catch (IllegalArgumentException notBase64) {
                log.debug("Authorization header is not base64");
            }
        }
        throw new ApiError(401, "authentication_failure", "authentication failed");
    }

    private static Call parse(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            WWWFormCodec.parse(uri.getRawQuery(), StandardCharsets.UTF_8).forEach(p -> params.put(p.getName(), p.getValue()));
        }
        params.putAll(bodyParams(exchange));
        boolean post = method.equals("POST");
        boolean get = method.equals("GET");
        Matcher m;
        if (CHARGES.matcher(path).matches() && (post || get)) {
            return new Call(post ? Route.CREATE_CHARGE : Route.LIST_CHARGES, null, null, method, path, params);
        }
        if ((m = CHARGE.matcher(path)).matches() && get) {
            return new Call(Route.RETRIEVE_CHARGE, m.group(1), null, method, path, params);
        }
        if ((m = CHARGE_ACTION.matcher(path)).matches() && post) {
            Route route = switch (m.group(2)) {
                case "expire" -> Route.EXPIRE_CHARGE;
                case "mark_as_paid" -> Route.MARK_AS_PAID;
                default -> Route.MARK_AS_FAILED;
            };
            return new Call(route, m.group(1), null, method, path, params);
        }
        if ((m = REFUNDS.matcher(path)).matches() && (post || get)) {
            return new Call(post ? Route.CREATE_REFUND : Route.LIST_REFUNDS, m.group(1), null, method, path, params);
        }
        if ((m = REFUND.matcher(path)).matches() && get) {
            return new Call(Route.RETRIEVE_REFUND, m.group(1), m.group(2), method, path, params);
        }
        return new Call(Route.NOT_FOUND, null, null, method, path, params);
    }

    /** Form-encoded bodies as curl sends them; JSON bodies, as the official clients send, flattened to the same names. */
    private static Map<String, String> bodyParams(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank()) {
            return params;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.contains("json")) {
            try {
                flatten("", JsonParser.parseString(body), params);
            } catch (JsonParseException | IllegalStateException e) {
                throw new ApiError(400, "bad_request", "request body is not valid JSON");
            }
        } else {
            WWWFormCodec.parse(body, StandardCharsets.UTF_8).forEach(p -> params.put(p.getName(), p.getValue()));
        }
        return params;
    }

    private static void flatten(String prefix, JsonElement element, Map<String, String> into) {
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                String name = prefix.isEmpty() ? entry.getKey() : prefix + "[" + entry.getKey() + "]";
                flatten(name, entry.getValue(), into);
            }
        } else if (!element.isJsonNull()) {
            into.put(prefix, element.isJsonPrimitive() ? element.getAsString() : element.toString());
        }
    }

    private static Map<String, String> prefixed(Map<String, String> params, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        String open = prefix + "[";
        params.forEach((name, value) -> {
            if (name.startsWith(open) && name.endsWith("]")) {
                values.put(name.substring(open.length(), name.length() - 1), value);
            }
        });
        return values;
    }

    private static long amountParam(Map<String, String> params, String code) {
        String text = params.get("amount");
        if (text == null) {
            throw new ApiError(400, code, "amount is required");
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, code, "amount must be an integer");
        }
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        String text = params.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0) {
                throw new ApiError(400, "bad_request", name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad_request", name + " must be an integer");
        }
    }

    private static Instant timeParam(Map<String, String> params, String name, Instant fallback) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new ApiError(400, "bad_request", name + " is not an ISO 8601 time");
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Answer answer) {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType() + "; charset=utf-8");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(answer.retryAfter().toSeconds()));
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            log.debug("The client went away before its answer was sent: {}", e.getMessage());
        }
    }

    private record Answer(int status, String contentType, String body, Duration retryAfter) {
        static Answer json(JsonObject object) {
            return new Answer(200, "application/json", object.toString(), null);
        }

        static Answer error(int status, String code, String message, Duration retryAfter) {
            JsonObject error = new JsonObject();
            error.addProperty("object", "error");
            error.addProperty("location", "https://www.omise.co/api-errors#" + code.replace('_', '-'));
            error.addProperty("code", code);
            error.addProperty("message", message);
            return new Answer(status, "application/json", error.toString(), retryAfter);
        }
    }
}
