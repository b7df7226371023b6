package com.scantill.webhooks;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.StoreWebhooks;
import com.scantill.model.DaemonThreads;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.WebhookSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's store service, headless: it receives Omise's webhook events on {@code POST /webhooks/omise}, hands each
 * charge's news to the till that made it through the store ({@link WebhookDesk}), and says it is there with a
 * heartbeat every few seconds, so that tills know when push can be trusted. {@code GET /health} answers whether the
 * store can be reached, for the reverse proxy or the shop's monitoring. It listens on plain HTTP: TLS is the reverse
 * proxy's in front of it (see the README).
 */
public final class StoreService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreService.class);
    public static final String WEBHOOK_PATH = "/webhooks/omise";
    public static final String HEALTH_PATH = "/health";
    /** Omise's events are a few kilobytes; anything far larger is not one. */
    private static final int LARGEST_BODY = 1 << 20;

    /**
     * @param host      where to listen: {@code 127.0.0.1} behind a reverse proxy on the same machine
     * @param port      0 for a free one
     * @param heartbeat how often the tills hear that the service is there
     * @param name      what the heartbeat carries, to tell services apart in the store's log
     */
    public record Options(String host, int port, Duration heartbeat, String name) {

        public static Options standard() {
            return new Options("127.0.0.1", 8088, Duration.ofSeconds(5), "store-service");
        }

        public Options withHost(String newHost) {
            return new Options(newHost, port, heartbeat, name);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, heartbeat, name);
        }

        public Options withHeartbeat(Duration every) {
            return new Options(host, port, every, name);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("store-heartbeat"));
    private final StoreWebhooks webhooks;
    private volatile boolean storeReachable;

    private StoreService(Ledger store, OmiseClient omise, WebhookSignature signature, Options options, Clock clock) {
        this.webhooks = store.webhooks();
        WebhookDesk desk = new WebhookDesk(webhooks, omise, signature, clock);
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(new Endpoints(desk));
        server.setStopTimeout(2_000);
    }

    /**
     * Starts listening and beating.
     *
     * @param signature how deliveries are checked; {@code null} when the shop set no webhook secret, in which case
     *                  deliveries are still only hints, each charge retrieved from Omise before a till is told
     */
    public static StoreService start(Ledger store, OmiseClient omise, WebhookSignature signature, Options options, Clock clock) {
        StoreService service = new StoreService(store, omise, signature, options, clock);
        try {
            service.server.start();
        } catch (Exception e) {
            service.close();
            throw new IllegalStateException("The store service could not listen on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        service.heartbeat.scheduleWithFixedDelay(() -> service.beat(options.name()), 0, options.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        if (signature == null) {
            log.warn("No webhook secret is set: deliveries are not checked for Omise's signature (each charge is still "
                    + "retrieved from Omise before a till is told)");
        }
        log.info("Store service receiving Omise's webhooks at {}", service.webhookUri());
        return service;
    }

    public URI webhookUri() {
        return URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort() + WEBHOOK_PATH);
    }

    public int port() {
        return connector.getLocalPort();
    }

    private void beat(String name) {
        try {
            webhooks.heartbeat(name);
            if (!storeReachable) {
                log.info("The store is reachable; tills hear the heartbeat");
            }
            storeReachable = true;
        } catch (RuntimeException e) {
            if (storeReachable) {
                log.warn("The store cannot be reached; tills poll Omise as usual until it can: {}", e.getMessage());
            }
            storeReachable = false;
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("The store service's server did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Routes the two addresses; everything else is 404. */
    private final class Endpoints extends Handler.Abstract {

        private final WebhookDesk desk;

        Endpoints(WebhookDesk desk) {
            this.desk = desk;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            if (WEBHOOK_PATH.equals(path) && HttpMethod.POST.is(method)) {
                byte[] body;
                try {
                    body = Content.Source.asByteArrayAsync(request, LARGEST_BODY).get();
                } catch (ExecutionException tooLargeOrCut) {
                    answer(response, callback, 413, "not an Omise event");
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer(response, callback, 503, "stopping");
                    return true;
                }
                WebhookDesk.Reply reply;
                try {
                    reply = desk.receive(request.getHeaders().get(WebhookSignature.TIMESTAMP_HEADER),
                            request.getHeaders().get(WebhookSignature.SIGNATURE_HEADER), body);
                } catch (RuntimeException storeAway) {
                    log.warn("Could not keep a webhook event; asking Omise to deliver it again: {}", storeAway.getMessage());
                    reply = new WebhookDesk.Reply(503, "store unreachable");
                }
                answer(response, callback, reply.status(), reply.text());
            } else if (HEALTH_PATH.equals(path) && HttpMethod.GET.is(method)) {
                Optional<Instant> last;
                try {
                    last = webhooks.lastReceived();
                } catch (RuntimeException storeAway) {
                    answer(response, callback, 503, "store unreachable");
                    return true;
                }
                answer(response, callback, 200, "store reachable; last event " + last.map(Instant::toString).orElse("none"));
            } else {
                answer(response, callback, 404, "not found");
            }
            return true;
        }

        private void answer(Response response, Callback callback, int status, String text) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, StandardCharsets.UTF_8.encode(text + "\n"), callback);
        }
    }
}
