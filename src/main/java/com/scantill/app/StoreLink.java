package com.scantill.app;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.SaleState;
import com.scantill.ledger.ChargeNotices;
import com.scantill.ledger.Ledger;
import com.scantill.ledger.OperatorSharing;
import com.scantill.ledger.ShopSettingsRecords;
import com.scantill.ledger.StoreReplication;
import com.scantill.model.ChargeNotice;
import com.scantill.model.DaemonThreads;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * while the store is away, and copied once it is back. The shop's operators and settings are shared through it the
 * same way. It also listens for the store service's notices of this till's charges, which Omise's webhooks set off,
 * and hands them to the checkout engine: while they come, polling Omise is only a safety net.
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
     * @param restartForShopSettings whether the shop's settings were changed on another till since this one started:
     *                               they apply when ScanTill next starts
     */
    public record State(Status status, long waiting, boolean pushed, boolean restartForShopSettings) {

        State with(Status newStatus, long newWaiting) {
            return new State(newStatus, newWaiting, pushed, restartForShopSettings);
        }

        State withPushed(boolean nowPushed) {
            return new State(status, waiting, nowPushed, restartForShopSettings);
        }

        State withRestartForShopSettings() {
            return new State(status, waiting, pushed, true);
        }
    }

    /** Told each time the state changes, on the link's thread. */
    public interface Listener {
        void changed(State state);
    }

    private final StoreSettings settings;
    private final SettingsStore settingsFile;
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
    /** The shop's settings this till could not start with, so as not to try them again every few seconds. */
    private Instant refusedShopSettings;
    private volatile State state = new State(Status.STARTING, -1, false, false);
    private ChargeNotices notices;

    /** @param settingsFile where this till keeps the settings the shop's tills share */
    StoreLink(StoreSettings settings, SettingsStore settingsFile, Ledger till, String tillId, Path keyFolder, Clock clock) {
        this.settingsFile = settingsFile;
        this.settings = settings;
        this.pool = settings.connections("store-" + tillId);
        this.till = till;
        this.tillId = tillId;
        this.keyFolder = keyFolder;
        this.clock = clock;
    }

    /**
     * Starts copying: now, then every {@code every}, and after each change of a sale. The operators and the shop's
     * settings are shared at the same pace, not after each change of a sale.
     */
    void start(Duration every) {
        thread.scheduleWithFixedDelay(this::shareAll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Brings the shop's operators from the store now, waiting at most {@code wait}: for a till that has none yet, so
     * that it asks for a first manager only when the shop has none either. Whether the store was reached.
     */
    boolean takeOperatorsNow(Duration wait) {
        try {
            thread.submit(this::shareAll).get(wait.toMillis(), TimeUnit.MILLISECONDS);
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
                    thread.execute(() -> changeTo(state.withPushed(working)));
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

    /** The sales copied, then the operators and the shop's settings shared. */
    private void shareAll() {
        if (!copy()) {
            return;
        }
        try {
            OperatorSharing.Shared shared = operators.share();
            if (shared.taken() > 0) {
                log.info("Took {} operator account(s) changed on another till from the store", shared.taken());
            }
            shareSettings();
        } catch (RuntimeException e) {
            unreachable(e);
        }
    }

    /** Brings the store up to date with this till's sales; whether it could be reached. */
    private boolean copy() {
        try {
            if (replication == null) {
                store = Ledger.openStore(pool, keyFolder);
                replication = new StoreReplication(till, store, tillId, clock);
                operators = new OperatorSharing(till, store, clock);
            }
            long waiting = replication.waiting();
            if (waiting > 0) {
                changeTo(state.with(Status.WAITING, waiting));
                replication.catchUp(BATCH);
            }
            // catchUp returns once a batch finds nothing left: the store has everything.
            changeTo(state.with(Status.SYNCED, 0));
            return true;
        } catch (RuntimeException e) {
            unreachable(e);
            return false;
        }
    }

    private void unreachable(RuntimeException e) {
        if (state.status() != Status.UNREACHABLE) {
            log.warn("The store cannot be reached; sales are kept in this till's ledger until it can: {}", e.getMessage());
        }
        changeTo(state.with(Status.UNREACHABLE, -1));
    }

    /**
     * The settings the shop's tills share, the newest winning: this till's to the store when they changed here later
     * (or the store has none), the store's here when they changed on another till later, or this till never shared.
     */
    private void shareSettings() {
        SharedSettings ours = settingsFile.sharedSettings();
        Optional<ShopSettingsRecords.Saved> shops = store.shopSettings().read();
        if (shops.isEmpty() || ours.changedAt() != null && ours.changedAt().isAfter(shops.get().changedAt())) {
            SharedSettings offered = ours.changedAt() != null ? ours : new SharedSettings(ours.values(), clock.instant());
            if (store.shopSettings().offer(new ShopSettingsRecords.Saved(offered.text(), offered.changedAt(), tillId))) {
                settingsFile.recordShared(offered);
                log.info("This till's shop settings went to the store for the other tills");
            }
        } else if (ours.changedAt() == null || shops.get().changedAt().isAfter(ours.changedAt())) {
            SharedSettings theShops = SharedSettings.fromText(shops.get().settings(), shops.get().changedAt());
            if (theShops.values().equals(ours.values())) {
                settingsFile.recordShared(theShops);
                return;
            }
            if (theShops.changedAt().equals(refusedShopSettings)) {
                return;
            }
            try {
                settingsFile.takeShared(theShops);
                changeTo(state.withRestartForShopSettings());
                log.warn("Took the shop's settings changed on till {}; they take effect when ScanTill next starts",
                        shops.get().changedBy());
            } catch (RuntimeException e) {
                refusedShopSettings = theShops.changedAt();
                log.error("The shop's settings changed on till {} could not be used here, and were left: {}",
                        shops.get().changedBy(), e.getMessage());
            }
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
