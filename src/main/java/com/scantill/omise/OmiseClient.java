package com.scantill.omise;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.scantill.model.BuildInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one client of the Omise API: shared, thread-safe, typed. Reads are retried with backoff; an expiry or a
 * refund is repeated only after checking that the earlier attempt did not take effect; a charge creation is
 * never repeated: when its answer is lost it comes back as {@link ChargeCreation.OutcomeUnknown}.
 */
public final class OmiseClient implements AutoCloseable {

    public static final String API_VERSION = "2019-05-29";
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.omise.co");

    private static final Logger log = LoggerFactory.getLogger(OmiseClient.class);
    private static final int MAX_ANSWER_CHARS = 4 * 1024 * 1024;
    private static final Type CHARGE_PAGE = TypeToken.getParameterized(ListPage.class, Charge.class).getType();
    private static final Type REFUND_PAGE = TypeToken.getParameterized(ListPage.class, Refund.class).getType();

    private final ApiAddress address;
    private final String authorization;
    private final String userAgent;
    private final RetryPolicy retryPolicy;
    private final CloseableHttpClient http;

    private OmiseClient(Builder builder) {
        this.address = new ApiAddress(builder.baseUri);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((builder.secretKey.reveal() + ":").getBytes(StandardCharsets.UTF_8));
        this.userAgent = "ScanTill/" + BuildInfo.version() + " OmiseAPI/" + API_VERSION
                + " Java/" + System.getProperty("java.version");
        this.retryPolicy = builder.retryPolicy;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(builder.connectTimeout))
                        .setSocketTimeout(Timeout.of(builder.responseTimeout))
                        .setValidateAfterInactivity(Timeout.ofSeconds(1))
                        .build())
                .setMaxConnTotal(builder.maxConnections)
                .setMaxConnPerRoute(builder.maxConnections)
                .setTlsSocketStrategy((socket, target, port, attachment, context) ->
                        SystemTls.STRATEGY.upgrade(socket, target, port, attachment, context))
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(builder.responseTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                // Retries are decided here, per operation: a charge creation must never be re-sent blindly.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /**
     * TLS as HttpClient sets it up by default, but at the first https connection instead of when the client is made:
     * loading the trusted certificates costs start time and memory that a till in training (plain http to its
     * simulator) never needs.
     */
    private static final class SystemTls {
        static final TlsSocketStrategy STRATEGY = DefaultClientTlsStrategy.createDefault();
    }

    public static Builder builder(SecretKey secretKey) {
        return new Builder(secretKey);
    }

    public URI baseUri() {
        return address.base();
    }

    public String userAgent() {
        return userAgent;
    }

    /** Sends the charge once. A definite refusal throws {@link OmiseApiException}; a lost answer is not thrown. */
    public ChargeCreation createCharge(CreateChargeRequest request) {
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("amount", Long.toString(request.amount())));
        form.add(new BasicNameValuePair("currency", request.currency()));
        form.add(new BasicNameValuePair("source[type]", request.method().sourceType()));
        // The code goes in source[barcode] for every method: documented for WeChat Pay, seen (unverified) for Alipay+.
        form.add(new BasicNameValuePair("source[barcode]", request.paymentCode().digits()));
        if (request.description() != null) {
            form.add(new BasicNameValuePair("description", request.description()));
        }
        request.sentMetadata().forEach((key, value) -> form.add(new BasicNameValuePair("metadata[" + key + "]", value)));
        HttpPost post = new HttpPost(address.of("charges"));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        String reference = request.tillReference();
        log.info("Creating charge {} for {} satang, {} payment code {}", reference, request.amount(), request.method(),
                request.paymentCode().masked());

        Answer answer;
        try {
            answer = exchange(post);
        } catch (ConnectException | UnknownHostException | ConnectTimeoutException | SSLHandshakeException e) {
            throw new OmiseTransportException("Could not reach Omise; charge " + reference + " was not sent: "
                    + describe(e), e);
        } catch (IOException e) {
            log.warn("Charge {} outcome unknown: {}", reference, describe(e));
            return new ChargeCreation.OutcomeUnknown(reference, "no answer: " + describe(e), 0);
        }
        if (answer.isSuccess()) {
            try {
                return new ChargeCreation.Created(parseCharge(answer));
            } catch (MalformedResponseException e) {
                log.warn("Charge {} outcome unknown: {}", reference, e.getMessage());
                return new ChargeCreation.OutcomeUnknown(reference, e.getMessage(), answer.status());
            }
        }
        if (answer.status() >= 500) {
            // The charge may have been recorded before the server or a gateway failed.
            log.warn("Charge {} outcome unknown: HTTP {}", reference, answer.status());
            return new ChargeCreation.OutcomeUnknown(reference, "Omise answered HTTP " + answer.status(), answer.status());
        }
        throw apiError(answer);
    }

    public Charge retrieveCharge(String chargeId) {
        URI uri = address.of("charges", ApiAddress.id(chargeId));
        return retrying("retrieve charge " + chargeId, () -> new HttpGet(uri), this::parseCharge, Optional::empty);
    }

    /**
     * Expires a pending charge. A lost answer is followed by a look at the charge: once it is no longer pending,
     * that charge is returned, whether it expired or completed meanwhile.
     */
    public Charge expireCharge(String chargeId) {
        URI uri = address.of("charges", ApiAddress.id(chargeId), "expire");
        return retrying("expire charge " + chargeId, () -> new HttpPost(uri), this::parseCharge, () -> noLongerPending(chargeId));
    }

    public ListPage<Charge> listCharges(ListRequest request) {
        URI uri = address.list(request, "charges");
        return retrying("list charges", () -> new HttpGet(uri), answer -> parse(answer, CHARGE_PAGE), Optional::empty);
    }

    /** Every charge from {@code first} on, page by page as the stream is read. */
    public Stream<Charge> streamCharges(ListRequest first) {
        return streamChargePages(first).flatMap(page -> page.data().stream());
    }

    /** The pages of charges from {@code first} on, each fetched as the stream reaches it: one request a page. */
    public Stream<ListPage<Charge>> streamChargePages(ListRequest first) {
        return pages(first, this::listCharges);
    }

    /** Every refund of the charge, oldest first, page by page as the stream is read. */
    public Stream<Refund> streamRefunds(String chargeId) {
        return pages(ListRequest.firstPage().withLimit(ListRequest.MAX_LIMIT), request -> listRefunds(chargeId, request))
                .flatMap(page -> page.data().stream());
    }

    /** Page after page while the API says more follow; an empty page ends it too, so a wrong {@code hasMore} cannot loop. */
    private static <T> Stream<ListPage<T>> pages(ListRequest first, Function<ListRequest, ListPage<T>> list) {
        return Stream.iterate(list.apply(first), Objects::nonNull, page -> page.hasMore() && !page.data().isEmpty()
                ? list.apply(first.withOffset(page.offset() + page.data().size())) : null);
    }

    /**
     * Refunds all or part of a charge. A lost answer is followed by a look for a refund carrying the request's
     * reference, so the refund is made once whatever the network does.
     */
    public Refund createRefund(String chargeId, CreateRefundRequest request) {
        URI uri = address.of("charges", ApiAddress.id(chargeId), "refunds");
        List<NameValuePair> form = List.of(
                new BasicNameValuePair("amount", Long.toString(request.amount())),
                new BasicNameValuePair("metadata[" + CreateRefundRequest.TILL_REFERENCE_KEY + "]", request.tillReference()));
        return retrying("refund " + request.tillReference() + " of charge " + chargeId, () -> {
            HttpPost post = new HttpPost(uri);
            post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
            return post;
        }, answer -> parse(answer, Refund.class), () -> findRefund(chargeId, request.tillReference()));
    }

    public ListPage<Refund> listRefunds(String chargeId, ListRequest request) {
        URI uri = address.list(request, "charges", ApiAddress.id(chargeId), "refunds");
        return retrying("list refunds of " + chargeId, () -> new HttpGet(uri), answer -> parse(answer, REFUND_PAGE),
                Optional::empty);
    }

    /** Test mode only: the customer pays. */
    public Charge markAsPaid(String chargeId) {
        return markAs(chargeId, "mark_as_paid");
    }

    /** Test mode only: the payment fails. */
    public Charge markAsFailed(String chargeId) {
        return markAs(chargeId, "mark_as_failed");
    }

    private Charge markAs(String chargeId, String action) {
        URI uri = address.of("charges", ApiAddress.id(chargeId), action);
        return retrying(action + " " + chargeId, () -> new HttpPost(uri), this::parseCharge, () -> noLongerPending(chargeId));
    }

    /** The charge, once it has left pending: how an expiry or a test-mode mark whose answer was lost is found out. */
    private Optional<Charge> noLongerPending(String chargeId) {
        Charge now = retrieveCharge(chargeId);
        return now.status() == ChargeStatus.PENDING ? Optional.empty() : Optional.of(now);
    }

    private Optional<Refund> findRefund(String chargeId, String tillReference) {
        ListRequest newestFirst = ListRequest.firstPage().withLimit(ListRequest.MAX_LIMIT).ordered(ListOrder.REVERSE_CHRONOLOGICAL);
        return listRefunds(chargeId, newestFirst).data().stream()
                .filter(refund -> tillReference.equals(refund.tillReference()))
                .findFirst();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            log.debug("Closing the HTTP client failed", e);
        }
    }

    private interface AnswerParser<T> {
        T parse(Answer answer);
    }

    /**
     * Sends a request until it succeeds, fails for good, or the attempts run out. Before each repeat,
     * {@code tookEffect} may find that the previous attempt succeeded after all; then its finding is returned.
     */
    private <T> T retrying(String operation, Supplier<ClassicHttpRequest> request, AnswerParser<T> parser,
                           Supplier<Optional<T>> tookEffect) {
        for (int attempt = 1; ; attempt++) {
            Duration pause;
            try {
                Answer answer = exchange(request.get());
                if (answer.isSuccess()) {
                    return parser.parse(answer);
                }
                OmiseApiException error = apiError(answer);
                if (!isRetryable(answer.status()) || attempt >= retryPolicy.maxAttempts()) {
                    throw error;
                }
                pause = retryPolicy.pauseAfter(attempt, answer.retryAfter());
                log.warn("{}: {} (attempt {} of {}), retrying in {} ms", operation, error.getMessage(), attempt,
                        retryPolicy.maxAttempts(), pause.toMillis());
            } catch (IOException e) {
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw new OmiseTransportException(capitalized(operation) + ": no answer from Omise after "
                            + attempt + " attempts: " + describe(e), e);
                }
                pause = retryPolicy.pauseAfter(attempt, null);
                log.warn("{}: {} (attempt {} of {}), retrying in {} ms", operation, describe(e), attempt,
                        retryPolicy.maxAttempts(), pause.toMillis());
            }
            sleep(pause);
            Optional<T> settled = tookEffect.get();
            if (settled.isPresent()) {
                log.info("{}: the earlier attempt took effect", operation);
                return settled.get();
            }
        }
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private Answer exchange(ClassicHttpRequest request) throws IOException {
        request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        request.setHeader(HttpHeaders.USER_AGENT, userAgent);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.setHeader("Omise-Version", API_VERSION);
        long started = System.nanoTime();
        Answer answer = http.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), MAX_ANSWER_CHARS),
                retryAfter(response)));
        log.debug("{} {} -> HTTP {} in {} ms", request.getMethod(), request.getPath(), answer.status(),
                (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    private Charge parseCharge(Answer answer) {
        Charge charge = parse(answer, Charge.class);
        if (charge.id() == null || charge.id().isBlank()) {
            throw new MalformedResponseException("Omise answered HTTP " + answer.status() + " with a charge that has no id", null);
        }
        return charge;
    }

    private static <T> T parse(Answer answer, Type type) {
        try {
            T value = answer.body() == null || answer.body().isBlank() ? null : OmiseJson.read(answer.body(), type);
            if (value == null) {
                throw new MalformedResponseException("Omise answered HTTP " + answer.status() + " with an empty body", null);
            }
            return value;
        } catch (JsonParseException | IllegalStateException | NumberFormatException | ArithmeticException e) {
            throw new MalformedResponseException("Omise answered HTTP " + answer.status()
                    + " with a body that is not the expected object: " + firstLine(e.getMessage()), e);
        }
    }

    private static OmiseApiException apiError(Answer answer) {
        try {
            JsonObject error = JsonParser.parseString(answer.body()).getAsJsonObject();
            if (error.has("code") && error.get("code").isJsonPrimitive()) {
                String message = error.has("message") && error.get("message").isJsonPrimitive()
                        ? error.get("message").getAsString() : "";
                return new OmiseApiException(answer.status(), error.get("code").getAsString(), message);
            }
        } catch (JsonParseException | IllegalStateException e) {
            log.debug("Error answer HTTP {} is not JSON", answer.status());
        }
        return new OmiseApiException(answer.status(), null, null);
    }

    private static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            Instant when = DateUtils.parseStandardDate(value);
            if (when == null) {
                return null;
            }
            Duration untilThen = Duration.between(Instant.now(), when);
            return untilThen.isNegative() ? Duration.ZERO : untilThen;
        }
    }

    /**
     * The API address the client accepts: https, or plain http on this computer only; no user, no query.
     *
     * @throws InvalidRequestException saying what is wrong with it
     */
    public static URI requireSafeBaseUri(URI uri) {
        return ApiAddress.requireSafe(uri);
    }

    /** What is wrong with {@code uri} as the API's address, if anything; {@link #requireSafeBaseUri} refuses it then. */
    public static Optional<UnsafeAddress> unsafeBaseUri(URI uri) {
        return ApiAddress.unsafe(uri);
    }

    private static String describe(IOException e) {
        String kind = e instanceof InterruptedIOException ? "timed out" : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OmiseTransportException("Interrupted while waiting to retry", e);
        }
    }

    private record Answer(int status, String body, Duration retryAfter) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /** Settings of a client; the defaults suit a till on a shop's internet line. */
    public static final class Builder {
        private final SecretKey secretKey;
        private URI baseUri = DEFAULT_BASE_URI;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(20);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private int maxConnections = 8;

        private Builder(SecretKey secretKey) {
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        }

        public Builder baseUri(URI uri) {
            this.baseUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder maxConnections(int connections) {
            this.maxConnections = connections;
            return this;
        }

        public OmiseClient build() {
            LogRedaction.install();
            return new OmiseClient(this);
        }
    }
}
