package com.scantill.app;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.SaleState;
import com.scantill.ledger.ChargeNotices;
import com.scantill.ledger.Ledger;
import com.scantill.ledger.OperatorSharing;
import com.scantill.ledger.StoreReplication;
import com.scantill.model.ChargeNotice;
import com.scantill.model.DaemonThreads;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's link to the shop's store: it copies the till's ledger there on a thread of its own, at once after each
 * change of a sale and every few seconds besides, and says how it stands. The till never waits on it: a sale is taken
 * while the store is away, and copied once it is back. The shop's operators are shared through it the same way
 * ({@link OperatorSharing}). It also listens for the store service's notices of this
 * till's charges, which Omise's webhooks set off, and hands them to the checkout engine: while they come, polling
 * Omise is only a safety net.
 */
public final class StoreLink implements CheckoutListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreLink.class);
    private static final int BATCH = 200;

    /** How the store stands for this till. */
    public enum Status {
        /** Not tried yet. */
        STARTING,
        /** The store has everything the till has written. */
        SYNCED,
        /** The store is reachable and being brought up to date. */
        WAITING,
        /** The store cannot be reached; the till's own ledger keeps everything until it can. */
        UNREACHABLE
    }

    /**
     * @param waiting how many of the till's events the store lacks, when it could be asked; else -1
     * @param pushed  whether the store's notices of charges are heard, so that the till polls Omise only as a safety net
     */
    public record State(Status status, long waiting, boolean pushed) {
    }

    /** Told each time the state changes, on the link's thread. */
    public interface Listener {
        void changed(State state);
    }

    private final StoreSettings settings;
    private final HikariDataSource pool;
    private final Ledger till;
    private final String tillId;
    private final Path keyFolder;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("store-link"));
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Ledger store;
    private volatile StoreReplication replication;
    private OperatorSharing operators;
    private volatile State state = new State(Status.STARTING, -1, false);
    private ChargeNotices notices;

    StoreLink(StoreSettings settings, Ledger till, String tillId, Path keyFolder, Clock clock) {
        this.settings = settings;
        this.pool = settings.connections("store-" + tillId);
        this.till = till;
        this.tillId = tillId;
        this.keyFolder = keyFolder;
        this.clock = clock;
    }

    /** Starts copying: now, then every {@code every}, and after each change of a sale. */
    void start(Duration every) {
        thread.scheduleWithFixedDelay(this::copy, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Brings the shop's operators from the store now, waiting at most {@code wait}: for a till that has none yet, so
     * that it asks for a first manager only when the shop has none either. Whether the store was reached.
     */
    boolean takeOperatorsNow(Duration wait) {
        try {
            thread.submit(this::copy).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return state.status() != Status.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Listens for the store's notices of this till's charges and hands them to {@code engine}. */
    void listen(CheckoutEngine engine, ChargeNotices.Timing timing) {
        notices = ChargeNotices.listen(settings::openForListening, new ChargeNotices.Listener() {
            @Override
            public void noticed(ChargeNotice notice) {
                if (tillId.equals(notice.tillId())) {
                    engine.chargeNoticed(notice.chargeId(), notice.tillReference());
                }
            }

            @Override
            public void pushChanged(boolean working) {
                engine.pushChanged(working);
                if (!thread.isShutdown()) {
                    thread.execute(() -> changeTo(new State(state.status(), state.waiting(), working)));
                }
            }
        }, timing, clock);
    }

    @Override
    public void saleChanged(SaleState sale) {
        if (!thread.isShutdown()) {
            thread.execute(this::copy);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
        listener.changed(state);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public State state() {
        return state;
    }

    /** The store as a ledger, once this till has reached it: the whole shop's sales, for its reports. */
    public Optional<Ledger> storeLedger() {
        return replication == null ? Optional.empty() : Optional.ofNullable(store);
    }

    private void copy() {
        try {
            if (replication == null) {
                store = Ledger.openStore(pool, keyFolder);
                replication = new StoreReplication(till, store, tillId, clock);
                operators = new OperatorSharing(till, store, clock);
            }
            OperatorSharing.Shared shared = operators.share();
            if (shared.taken() > 0) {
                log.info("Took {} operator account(s) changed on another till from the store", shared.taken());
            }
            long waiting = replication.waiting();
            if (waiting > 0) {
                changeTo(new State(Status.WAITING, waiting, state.pushed()));
                replication.catchUp(BATCH);
            }
            // catchUp returns once a batch finds nothing left: the store has everything.
            changeTo(new State(Status.SYNCED, 0, state.pushed()));
        } catch (RuntimeException e) {
            if (state.status() != Status.UNREACHABLE) {
                log.warn("The store cannot be reached; sales are kept in this till's ledger until it can: {}", e.getMessage());
            }
            changeTo(new State(Status.UNREACHABLE, -1, state.pushed()));
        }
    }

    private void changeTo(State next) {
        if (!next.equals(state)) {
            state = next;
            listeners.forEach(listener -> listener.changed(next));
        }
    }

    @Override
    public void close() {
        if (notices != null) {
            notices.close();
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        } else {
            pool.close();
        }
    }
}
