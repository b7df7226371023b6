package com.scantill.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Omise API for WeChat Pay UPM, served over HTTP on 127.0.0.1: training mode's back end and every test's.
 * It accepts any {@code skey_test_…} key, keeps charges in memory (and in a file, when given one), plays a scripted
 * customer, and injects faults.
 */
public final class OmiseSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OmiseSimulator.class);

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService customerThread;
    private final SimulatorClock clock;
    private final ChargeBook book;
    private final CustomerScript customer;
    private final FaultInjector faults;
    private final MerchantAccount account = new MerchantAccount();
    private final WebhookSender webhooks;
    /** The newest requests, at most {@link Options#journalLimit}: a long training day must not fill the memory. */
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final int journalLimit;

    private OmiseSimulator(Options options) {
        this.clock = new SimulatorClock(options.clock);
        this.book = options.store == null ? new ChargeBook() : new ChargeBook(options.store);
        this.customer = new CustomerScript(options.confirmDelay);
        this.faults = new FaultInjector(options.randomFaultsAllowed);
        this.journalLimit = options.journalLimit;
        this.webhooks = new WebhookSender(clock);
        webhooks.sendTo(options.webhookEndpoint, options.webhookDelay, options.webhookSecret);
        this.requestThreads = Executors.newFixedThreadPool(options.requestThreads, daemonThreads("omise-simulator-http"));
        this.customerThread = Executors.newSingleThreadScheduledExecutor(daemonThreads("omise-simulator-customer"));
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), 64);
        } catch (IOException e) {
            requestThreads.shutdownNow();
            customerThread.shutdownNow();
            webhooks.close();
            throw new UncheckedIOException("The Omise simulator could not listen on port " + options.port, e);
        }
        SimulatorHandler handler = new SimulatorHandler(book, clock, customer, account, faults, customerThread,
                options.chargeLifetime, webhooks, this::record);
        handler.resumeCustomers();
        server.createContext("/", handler);
        server.setExecutor(requestThreads);
        server.start();
        log.info("Omise simulator listening at {}", baseUri());
    }

    /** A simulator on a free port with the default options. */
    public static OmiseSimulator start() {
        return start(options());
    }

    public static OmiseSimulator start(Options options) {
        return new OmiseSimulator(options);
    }

    public static Options options() {
        return new Options();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The simulated merchant's account: which payment methods Omise has switched on for it. */
    public MerchantAccount account() {
        return account;
    }

    public CustomerScript customer() {
        return customer;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** The simulator's present time; it runs with the system clock plus any {@link #advanceClock} moves. */
    public Instant now() {
        return clock.now();
    }

    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    public Optional<ChargeSnapshot> charge(String id) {
        return book.find(id).map(charge -> charge.snapshot(clock.now()));
    }

    /** Every charge made, oldest first. */
    public List<ChargeSnapshot> charges() {
        Instant now = clock.now();
        return book.all().stream().map(charge -> charge.snapshot(now)).toList();
    }

    /** The requests received, in the order they arrived: every one, up to the newest {@link Options#journalLimit}. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Sets the webhook endpoint from now on, as a merchant does on Omise's dashboard ({@code null}: none); see
     * {@link Options#webhooks}.
     */
    public void sendWebhooksTo(URI endpoint, Duration delay, String base64Secret) {
        webhooks.sendTo(endpoint, delay, base64Secret);
    }

    /**
     * Every webhook delivery attempt so far, oldest first, with the endpoint's answer (0 when it could not be
     * reached); none when no endpoint is set ({@link Options#webhooks}).
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    private synchronized void record(RecordedRequest request) {
        requests.addLast(request);
        while (requests.size() > journalLimit) {
            requests.removeFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        customerThread.shutdownNow();
        webhooks.close();
        log.info("Omise simulator at port {} stopped", port());
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** How a simulator starts. */
    public static final class Options {
        private int port;
        private Duration confirmDelay = Duration.ofSeconds(3);
        private Duration chargeLifetime = Duration.ofDays(1);
        private int requestThreads = 16;
        private int journalLimit = 50_000;
        private boolean randomFaultsAllowed = true;
        private Clock clock = Clock.systemUTC();
        private Path store;
        private URI webhookEndpoint;
        private Duration webhookDelay = Duration.ZERO;
        private String webhookSecret;

        private Options() {
        }

        /**
         * Posts Omise's webhook events to {@code endpoint}, as Omise posts them to the one a merchant sets on the
         * dashboard: {@code charge.create}, {@code charge.complete} when the customer pays or the payment fails,
         * {@code charge.expire}, {@code refund.create}; each {@code delay} after what it tells of, signed with
         * {@code base64Secret} when given, and delivered again while the endpoint does not answer 2xx.
         */
        public Options webhooks(URI endpoint, Duration delay, String base64Secret) {
            this.webhookEndpoint = endpoint;
            this.webhookDelay = delay;
            this.webhookSecret = base64Secret;
            return this;
        }

        /** 0, the default, takes a free port. */
        public Options port(int newPort) {
            this.port = newPort;
            return this;
        }

        /** How long an unscripted customer takes to confirm; 3 s by default. */
        public Options confirmDelay(Duration delay) {
            this.confirmDelay = delay;
            return this;
        }

        /** How long a charge stays pending before it expires; a day by default, as on Omise. */
        public Options chargeLifetime(Duration lifetime) {
            this.chargeLifetime = lifetime;
            return this;
        }

        public Options requestThreads(int threads) {
            this.requestThreads = threads;
            return this;
        }

        /** Keeps the charges in {@code file}, read back at the next start: training's charges survive a restart. */
        public Options storeIn(Path file) {
            this.store = file;
            return this;
        }

        public Options clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /** How many of the newest requests {@link OmiseSimulator#requests()} keeps; 50,000 by default. */
        public Options journalLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("journalLimit must not be negative");
            }
            this.journalLimit = limit;
            return this;
        }

        /**
         * The simulator a trainee works with: random faults can never be switched on, and the journal keeps only the
         * last few hundred requests. Faults a test queues one at a time still strike.
         */
        public Options forTraining() {
            this.randomFaultsAllowed = false;
            this.journalLimit = 500;
            return this;
        }
    }
}
