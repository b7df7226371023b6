package com.scantill.app;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.CheckoutSettings;
import com.scantill.checkout.ReconcilePolicy;
import com.scantill.checkout.Reconciler;
import com.scantill.ledger.ChargeNotices;
import com.scantill.ledger.Ledger;
import com.scantill.ledger.LedgerBackups;
import com.scantill.model.DaemonThreads;
import com.scantill.model.OwnerOnly;
import com.scantill.operators.Operators;
import com.scantill.operators.PinHasher;
import com.scantill.scanner.ScanDispatcher;
import com.scantill.scanner.SerialScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a running till holds: its ledger, its way to Omise, its checkout engine, its scanners, and the daily
 * ledger backup.
 * Opening it resumes the sales a previous run left unfinished.
 */
public final class TillRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TillRuntime.class);
    /** How often the store is brought up to date besides after each change of a sale: the safety net. */
    private static final Duration STORE_COPY_INTERVAL = Duration.ofSeconds(5);
    /** How long a till with no operators yet waits at start for the shop's, from the store. */
    private static final Duration FIRST_OPERATORS_WAIT = Duration.ofSeconds(8);
    /** Who the report names as having made the check the till makes by itself after the day. */
    public static final String AUTOMATIC_CHECK = "till (automatic)";

    private final Settings settings;
    private final Ledger ledger;
    private final OmiseConnection connection;
    private final CheckoutEngine engine;
    private final Reconciler reconciler;
    private final Operators operators;
    private final LedgerBackups backups;
    private final ScanDispatcher scans = new ScanDispatcher(Clock.systemUTC());
    private final SerialScanner serialScanner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService housekeeping;
    private final SlipDesk slips;
    private final StoreLink storeLink;

    private TillRuntime(Settings settings, Ledger ledger, OmiseConnection connection) {
        this.settings = settings;
        this.ledger = ledger;
        this.connection = connection;
        this.operators = operatorsOf(settings, ledger);
        this.engine = new CheckoutEngine(ledger, connection.client(), CheckoutSettings.defaults(settings.tillId())
                .withPendingLimit(settings.options().pendingLimit()).withMethods(settings.options().paymentMethods()),
                new OperatorsAsStaff(operators));
        this.reconciler = reconcilerOf(settings, ledger, connection, operators);
        this.backups = new LedgerBackups(ledger, settings.modeFolder(), Clock.system(settings.options().shopZone()));
        this.serialScanner = settings.scanner().driver() == ScannerSettings.Driver.SERIAL
                ? SerialScanner.withDefaults(settings.scanner().serial(), scans) : null;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("till-housekeeping"));
        this.slips = new SlipDesk(settings, ledger, Clock.systemUTC());
        engine.addListener(slips);
        // Practice sales never reach the shop's store: training keeps to its own ledger.
        this.storeLink = settings.store().filter(store -> settings.mode() != TillMode.TRAINING)
                .map(store -> new StoreLink(store, new SettingsStore(settings.dataFolder(), System.getenv()), ledger, settings.tillId(),
                        settings.modeFolder(), Clock.systemUTC()))
                .orElse(null);
        if (storeLink != null) {
            engine.addListener(storeLink);
        }
    }

    /** The till's operators, as settings say their PINs are hashed, on the shop's clock. */
    static Operators operatorsOf(Settings settings, Ledger ledger) {
        return new Operators(ledger.operators(), new PinHasher(settings.options().pinHashIterations()),
                Clock.system(settings.options().shopZone()));
    }

    /** The end-of-day check of this till's ledger against Omise, its approvals given by {@code operators}. */
    static Reconciler reconcilerOf(Settings settings, Ledger ledger, OmiseConnection connection, Operators operators) {
        return new Reconciler(ledger, connection.client(), settings.tillId(), new OperatorsAsStaff(operators), Clock.systemUTC(),
                ReconcilePolicy.standard().clockMargin());
    }

    /**
     * Opens the ledger first, so that a second copy of the application stops before it touches anything else.
     *
     * @throws com.scantill.ledger.LedgerInUseException when another copy runs on the same data folder
     */
    public static TillRuntime open(Settings settings) {
        keepPrivate(settings.dataFolder());
        Ledger ledger = Ledger.open(settings.modeFolder());
        OmiseConnection connection;
        try {
            connection = OmiseConnection.open(settings);
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
        TillRuntime runtime = new TillRuntime(settings, ledger, connection);
        runtime.engine.start();
        if (runtime.serialScanner != null) {
            runtime.serialScanner.start();
        }
        if (runtime.storeLink != null) {
            if (runtime.operators.needFirstManager() && !runtime.storeLink.takeOperatorsNow(FIRST_OPERATORS_WAIT)) {
                log.warn("The store could not be reached for the shop's operators; this till asks for a first manager of its own");
            }
            runtime.storeLink.start(STORE_COPY_INTERVAL);
            runtime.storeLink.listen(runtime.engine, ChargeNotices.Timing.standard());
        }
        runtime.housekeeping.scheduleWithFixedDelay(runtime::backupIfDue, 0, 1, TimeUnit.HOURS);
        runtime.housekeeping.scheduleWithFixedDelay(runtime::checkYesterdayIfDue, 1, 60, TimeUnit.MINUTES);
        return runtime;
    }

    /**
     * The data folder holds PIN hashes, takings and the secret key: everything in it is made its owner's only, what
     * was made before (by hand, by the log, by an older version) included.
     */
    private static void keepPrivate(Path dataFolder) {
        boolean settingsWereOpen = Files.exists(dataFolder.resolve(SettingsStore.FILE_NAME))
                && !OwnerOnly.isPrivate(dataFolder.resolve(SettingsStore.FILE_NAME));
        OwnerOnly.folder(dataFolder);
        int tightened = OwnerOnly.tree(dataFolder);
        if (settingsWereOpen) {
            log.warn("{} could be read by other users of this computer; it is now readable by its owner only",
                    dataFolder.resolve(SettingsStore.FILE_NAME));
        }
        if (tightened > 0) {
            log.info("Made {} files and folders in {} readable by their owner only", tightened, dataFolder);
        }
    }

    private void backupIfDue() {
        try {
            backups.backupIfDue();
        } catch (RuntimeException e) {
            log.error("The daily ledger backup failed", e);
        }
    }

    private void checkYesterdayIfDue() {
        checkYesterdayIfDue(Instant.now());
    }

    /**
     * Once a business day has closed (and Omise's clock with it), the day is checked against Omise once, for every till
     * in the ledger, so that the manager finds the result in the report without asking for it.
     */
    void checkYesterdayIfDue(Instant now) {
        ZoneId zone = settings.options().shopZone();
        LocalDate yesterday = LocalDate.ofInstant(now.minus(ReconcilePolicy.standard().clockMargin()), zone).minusDays(1);
        try {
            if (ledger.reconciliations().latest(yesterday, null).isEmpty()) {
                reconciler.check(yesterday, zone, null, AUTOMATIC_CHECK);
            }
        } catch (RuntimeException e) {
            log.warn("The end-of-day check of {} against Omise failed; it is tried again within the hour: {}", yesterday,
                    e.getMessage());
        }
    }

    public Settings settings() {
        return settings;
    }

    public Ledger ledger() {
        return ledger;
    }

    public OmiseConnection connection() {
        return connection;
    }

    public CheckoutEngine engine() {
        return engine;
    }

    /** Checks a business day against Omise, and takes in Omise's state where a supervisor accepts it. */
    public Reconciler reconciler() {
        return reconciler;
    }

    public Operators operators() {
        return operators;
    }

    public LedgerBackups backups() {
        return backups;
    }

    /** Where every scanner's reads arrive, checked; a keyboard-wedge scanner is attached to it by the UI. */
    public ScanDispatcher scans() {
        return scans;
    }

    /** The receipt printer and the slips it prints. */
    public SlipDesk slips() {
        return slips;
    }

    /** The link to the shop's store, when settings name one and the till is not training. */
    public Optional<StoreLink> storeLink() {
        return Optional.ofNullable(storeLink);
    }

    /** The shop's store as a ledger, once this till has reached it; empty before, in training, or without a store. */
    public Optional<Ledger> shopLedger() {
        return storeLink == null ? Optional.empty() : storeLink.storeLedger();
    }

    /** The end-of-day check of {@code ledger} (the shop's store, say) against Omise, its approvals given by this till's operators. */
    public Reconciler reconcilerOver(Ledger over) {
        return reconcilerOf(settings, over, connection, operators);
    }

    public Optional<SerialScanner> serialScanner() {
        return Optional.ofNullable(serialScanner);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        housekeeping.shutdownNow();
        if (serialScanner != null) {
            serialScanner.close();
        }
        engine.close();
        if (storeLink != null) {
            storeLink.close();
        }
        slips.close();
        connection.close();
        ledger.close();
    }
}
