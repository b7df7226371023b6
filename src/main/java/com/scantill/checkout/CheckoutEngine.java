package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.StaleSaleException;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.DaemonThreads;
import com.scantill.model.EventKind;
import com.scantill.model.Money;
import com.scantill.model.PaymentCode;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.WeChatPayUpm;
import com.scantill.omise.ApiFailure;
import com.scantill.omise.Charge;
import com.scantill.omise.ChargeCreation;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.omise.ListOrder;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseApiException;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import com.scantill.omise.OmiseTransportException;
import com.scantill.omise.Refund;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every sale of one till from the scan to a final state. Each step is written to the ledger before the
 * request it leads to leaves; a charge whose creation answer was lost is reconciled, never sent again; pending
 * charges are polled until final; sales left unfinished by a stop are resumed by {@link #start()}.
 *
 * <p>All work runs on the engine's own threads. Each sale's steps run one at a time, so a charge never has more
 * than one request in flight. Operators' requests return futures; every change is also told to the
 * {@link CheckoutListener}s.
 */
public final class CheckoutEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckoutEngine.class);
    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    /** The charge's metadata keys naming the till and the operator that made it (beside {@code till_reference}). */
    public static final String TILL_ID_KEY = "till_id";
    public static final String OPERATOR_ID_KEY = "operator_id";
    /** How many times in a row Omise may say it does not know a sale's charge before a supervisor must look. */
    static final int LOOKS_BEFORE_ATTENTION = 5;

    private final Ledger ledger;
    private final OmiseClient client;
    private final CheckoutSettings settings;
    private final Staff staff;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, SaleWorker> workers = new ConcurrentHashMap<>();
    private final Map<String, String> inFlightCodes = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> refundLocks = new ConcurrentHashMap<>();
    private final List<CheckoutListener> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<List<String>> recovered = new CompletableFuture<>();
    private volatile OmiseAccess access = OmiseAccess.ACCEPTED;
    /** How far Omise's charges were looked through for ones this till made that the ledger lacks; under its own lock. */
    private Instant orphansSoughtUntil;
    // Not the engine's monitor: a scan taken on the FX thread must never wait behind this search's requests.
    private final ReentrantLock orphanSearch = new ReentrantLock();
    private volatile boolean closed;

    /** @param staff who may work, and where a supervisor's approval of an expiry or a refund is checked and spent */
    public CheckoutEngine(Ledger ledger, OmiseClient client, CheckoutSettings settings, Staff staff) {
        this.ledger = ledger;
        this.client = client;
        this.settings = settings;
        this.staff = staff;
        this.scheduler = new ScheduledThreadPoolExecutor(settings.threads(), DaemonThreads.named("checkout-" + settings.tillId()));
        scheduler.setRemoveOnCancelPolicy(true);
    }

    public void addListener(CheckoutListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CheckoutListener listener) {
        listeners.remove(listener);
    }

    /**
     * Resumes every sale a previous run left unfinished, settles refunds whose answer was lost, looks for charges
     * that turned up late, and from then on repeats those checks every {@link CheckoutSettings#sweepInterval()}.
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> started = onEngineThread(() -> {
            recovered.complete(recoverUnfinishedSales());
            sweep();
            return null;
        });
        long every = settings.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        return started;
    }

    /**
     * The till references of the sales that {@link #start()} found unfinished from an earlier run and resumed, once
     * it has looked; their states follow through the listeners like any other sale's.
     */
    public CompletableFuture<List<String>> recoveredSales() {
        return recovered;
    }

    /**
     * Starts a sale: checks it, then (on the engine's threads) writes it to the ledger and creates the charge.
     * The future completes once the sale is in the ledger, before the charge request leaves.
     *
     * The future fails with {@link PaymentCodeUsedException} when the code was already sent to Omise for an
     * earlier sale; nothing is written or sent then.
     *
     * @throws PaymentCodeUsedException when the code is being charged for a sale not yet finished
     * @throws KeyRefusedException      while Omise refuses the till's secret key
     * @throws CheckoutRefusedException for an amount out of the limits, or while an earlier sale's outcome is still
     *                                  being reconciled; nothing is written or sent
     */
    public CompletableFuture<SaleState> startSale(long amount, PaymentCode code, String operatorId) {
        requireOperator(operatorId);
        if (!WeChatPayUpm.isWithinLimits(amount)) {
            throw new CheckoutRefusedException(WeChatPayUpm.limitsMessage(amount));
        }
        if (access == OmiseAccess.KEY_REFUSED) {
            throw new KeyRefusedException();
        }
        SaleWorker worker;
        synchronized (this) {
            requireOpen();
            String earlier = inFlightCodes.get(code.digits());
            SaleWorker charging = earlier == null ? null : workers.get(earlier);
            if (charging != null) {
                throw new PaymentCodeUsedException(charging.sale);
            }
            Optional<SaleWorker> unsettled = workers.values().stream()
                    .filter(w -> switch (w.sale.status()) {
                        case CREATED, CREATING, UNKNOWN -> true;
                        default -> false;
                    }).findFirst();
            if (unsettled.isPresent()) {
                throw new CheckoutRefusedException("Still finding out whether sale " + unsettled.get().reference
                        + " was charged. Scan again once it is settled.");
            }
            String reference = newReference();
            inFlightCodes.put(code.digits(), reference);
            Sale sale = Sale.created(reference, settings.tillId(), operatorId, amount, WeChatPayUpm.CURRENCY, code.masked(), now());
            worker = new SaleWorker(sale, code.digits());
            workers.put(reference, worker);
        }
        CompletableFuture<SaleState> written = new CompletableFuture<>();
        worker.submit(() -> create(worker, code, written));
        return written;
    }

    /**
     * A supervisor's request to expire a pending charge, with their approval of exactly that (spent here). The future
     * fails with {@link ApprovalRefusedException} without one, and nothing is written or sent. The future holds the sale as it truly ended: expired, or
     * paid or failed when the customer finished first; or it fails with {@link ExpireFailedException} saying why the
     * charge is not expired (Omise unreachable, the charge still pending, unknown to Omise, or the key refused).
     */
    public CompletableFuture<SaleState> expire(String tillReference, Approval approval) {
        Objects.requireNonNull(approval, "approval");
        return onSale(tillReference, worker -> {
            Sale sale = worker.sale;
            if (sale.status().isFinal()) {
                return worker.state();
            }
            if (sale.status() != SaleStatus.PENDING) {
                throw new CheckoutRefusedException("Sale " + tillReference + " has no charge yet to expire; wait until it is known.");
            }
            String supervisorId = staff.spend(approval, new ApprovalRequest(ApprovalRequest.Action.EXPIRE, tillReference,
                    sale.amount())).orElseThrow(() -> new ApprovalRefusedException("expiring sale " + tillReference));
            commit(worker, sale.toBuilder().expireRequested(true).build(), EventKind.EXPIRE_REQUESTED, supervisorId, null, null);
            try {
                applyCharge(worker, client.expireCharge(sale.chargeId()), EventKind.STATUS_SEEN, supervisorId);
                heardAnswer();
            } catch (OmiseException refused) {
                heard(refused);
                switch (refused.failure()) {
                    case ACCOUNT -> throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.KEY_REFUSED, refused);
                    case RETRYABLE -> {
                        if (!(refused instanceof OmiseApiException)) {
                            throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.UNREACHABLE, refused);
                        }
                    }
                    default -> log.info("Expiry of {} refused ({}); reading the charge", tillReference, refused.getMessage());
                }
                // Omise answered: the charge tells the truth (the customer finished first, say).
                lookAfterRefusedExpiry(worker, supervisorId);
            }
            if (worker.sale.needsAttention()) {
                throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.UNTRUSTED_ANSWER, null);
            }
            if (worker.sale.status() == SaleStatus.PENDING) {
                throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.STILL_PENDING, null);
            }
            return worker.state();
        });
    }

    private void lookAfterRefusedExpiry(SaleWorker worker, String supervisorId) {
        try {
            applyCharge(worker, client.retrieveCharge(worker.sale.chargeId()), EventKind.STATUS_SEEN, null);
            heardAnswer();
        } catch (OmiseException unreadable) {
            heard(unreadable);
            switch (unreadable.failure()) {
                case NOT_FOUND -> {
                    needsAttention(worker, "Omise knows no charge " + worker.sale.chargeId() + " to expire");
                    throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.UNKNOWN_CHARGE, unreadable);
                }
                case ACCOUNT -> throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.KEY_REFUSED, unreadable);
                default -> throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.UNREACHABLE, unreadable);
            }
        }
    }

    /** The cashier stops waiting for a pending charge; the engine keeps following it, and asks for a refund if it is paid. */
    public CompletableFuture<SaleState> abandon(String tillReference, String operatorId) {
        requireOperator(operatorId);
        return onSale(tillReference, worker -> {
            Sale sale = worker.sale;
            if (!staff.mayWork(operatorId)) {
                throw new CheckoutRefusedException("Operator " + operatorId + " may not stop waiting for a sale.");
            }
            if (!sale.status().isFinal() && !sale.abandoned()) {
                commit(worker, sale.toBuilder().abandoned(true).build(), EventKind.ABANDONED, operatorId, null, null);
            }
            return worker.state();
        });
    }

    /**
     * Refunds all or part of a paid sale, with a supervisor's approval of exactly this refund (spent here; without
     * one the future fails with {@link ApprovalRefusedException} and nothing is written or sent). Several refunds
     * may be made, never more than the sale's amount in all, and only within 90 days of the sale.
     */
    public CompletableFuture<RefundRecord> refund(String tillReference, long amount, String operatorId, Approval approval) {
        requireOperator(operatorId);
        Objects.requireNonNull(approval, "approval");
        return onEngineThread(() -> withRefundLock(tillReference, () -> makeRefund(tillReference, amount, operatorId, approval)));
    }

    /**
     * A supervisor confirms a sale the till took back from Omise as a real sale, with their approval of exactly that
     * (spent here): it leaves the list of sales to review, with an event naming them. A customer owed the money is
     * refunded instead ({@link #refund}).
     */
    public CompletableFuture<SaleState> confirmRecovered(String tillReference, Approval approval) {
        Objects.requireNonNull(approval, "approval");
        return onEngineThread(() -> {
            Sale sale = ledger.sales().sale(tillReference)
                    .orElseThrow(() -> new CheckoutRefusedException("There is no sale " + tillReference + "."));
            if (!sale.recoveredFromOmise()) {
                throw new CheckoutRefusedException("Sale " + tillReference + " is not waiting for a review.");
            }
            if (!sale.status().isFinal() || workers.containsKey(tillReference)) {
                throw new CheckoutRefusedException("Sale " + tillReference + " is still being followed; review it once it is final.");
            }
            String supervisorId = staff.spend(approval, new ApprovalRequest(ApprovalRequest.Action.CONFIRM_RECOVERED,
                    tillReference, sale.amount())).orElseThrow(() -> new ApprovalRefusedException("confirming sale " + tillReference));
            Sale confirmed = sale.toBuilder().recoveredFromOmise(false).build();
            SaleState state = new SaleState(ledger.sales().update(confirmed, SaleEvent.of(EventKind.RECOVERY_CONFIRMED, confirmed,
                    supervisorId, null, "confirmed as a real sale", now())), false);
            notifyListeners(state);
            return state;
        });
    }

    /** The sale as the engine has it; read from the ledger when it is no longer in flight. Reads the disk. */
    public Optional<SaleState> state(String tillReference) {
        SaleWorker worker = workers.get(tillReference);
        if (worker != null) {
            return Optional.of(worker.state());
        }
        return ledger.sales().sale(tillReference).map(sale -> new SaleState(sale, false));
    }

    /** The sales not yet final, in memory: cheap enough for the FX thread. */
    public List<SaleState> salesInFlight() {
        return workers.values().stream().map(SaleWorker::state)
                .sorted(Comparator.comparing(state -> state.sale().createdAt())).toList();
    }

    /** Runs the periodic checks now: refunds whose answer was lost, and charges that turned up late. */
    public CompletableFuture<Void> sweepNow() {
        return onEngineThread(() -> {
            sweep();
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Checkout work still waiting for Omise at close; it will write nothing more");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- creating a charge ---

    private void create(SaleWorker worker, PaymentCode code, CompletableFuture<SaleState> written) {
        Sale sale = worker.sale;
        try {
            if (!staff.mayWork(sale.operatorId())) {
                refuse(worker, written, new CheckoutRefusedException("Operator " + sale.operatorId() + " may not take sales."));
                return;
            }
            Optional<Sale> used = ledger.sales().salesWithPaymentCode(code.digits()).stream()
                    .filter(CheckoutEngine::mayHaveCharged).findFirst();
            if (used.isPresent()) {
                log.info("Payment code {} refused: already used for sale {}", code.masked(), used.get().tillReference());
                refuse(worker, written, new PaymentCodeUsedException(used.get()));
                return;
            }
            // Written as about to be requested at once: one commit, not two, on the way to the request.
            Sale creating = sale.toBuilder().status(SaleStatus.CREATING).build();
            requireOpen();
            ledger.sales().insert(creating, List.of(
                    SaleEvent.of(EventKind.SALE_CREATED, sale, sale.operatorId(), sale.amount(), "payment code "
                            + sale.paymentCodeMasked(), now()),
                    SaleEvent.of(EventKind.CHARGE_REQUESTED, creating, sale.operatorId(), sale.amount(), null, now())),
                    code.digits());
            worker.sale = creating;
            // On the disk itself before the request leaves: a power cut must not forget a charge that may be made.
            ledger.forceToDisk();
            notifyListeners(worker.state());
        } catch (RuntimeException e) {
            log.error("Sale {} could not be written to the ledger; nothing was sent", worker.reference, e);
            finish(worker);
            written.completeExceptionally(e);
            return;
        }
        written.complete(worker.state());
        ChargeCreation creation;
        try {
            // Whose charge it is travels with it, so that a charge the ledger lost can be told apart and adopted.
            creation = client.createCharge(CreateChargeRequest.of(sale.amount(), code, worker.reference)
                    .withDescription("ScanTill " + settings.tillId() + " sale " + worker.reference)
                    .withMetadata(Map.of(TILL_ID_KEY, settings.tillId(), OPERATOR_ID_KEY, sale.operatorId())));
        } catch (OmiseApiException refused) {
            heard(refused);
            settleNotCreated(worker, EventKind.CHARGE_REFUSED, refused.code() == null ? "http_" + refused.httpStatus() : refused.code(),
                    refused.code() == null ? refused.getMessage() : refused.apiMessage());
            return;
        } catch (OmiseTransportException notSent) {
            settleNotCreated(worker, EventKind.CHARGE_NOT_SENT, "not_sent", notSent.getMessage());
            return;
        } catch (RuntimeException unexpected) {
            log.error("Creating the charge of {} failed unexpectedly; reconciling", worker.reference, unexpected);
            creation = new ChargeCreation.OutcomeUnknown(worker.reference, unexpected.toString(), 0);
        }
        if (creation instanceof ChargeCreation.Created created) {
            heardAnswer();
            applyCharge(worker, created.charge(), EventKind.CHARGE_CREATED, null);
        } else if (creation instanceof ChargeCreation.OutcomeUnknown unknown) {
            commit(worker, worker.sale.toBuilder().status(SaleStatus.UNKNOWN).build(), EventKind.OUTCOME_UNKNOWN, null, null,
                    unknown.reason());
            worker.schedule(() -> reconcile(worker), Duration.ZERO);
        }
    }

    /** A sale refused before anything was written or sent: its worker goes, and the caller hears why. */
    private void refuse(SaleWorker worker, CompletableFuture<SaleState> written, CheckoutRefusedException why) {
        finish(worker);
        written.completeExceptionally(why);
    }

    /** Each till's engine follows its own sales only, though several may share a ledger. */
    private boolean isOurs(Sale sale) {
        return settings.tillId().equals(sale.tillId());
    }

    /** A sale settled as not charged, with no charge found since, spent no payment code: it may be scanned again. */
    private static boolean mayHaveCharged(Sale sale) {
        return sale.status() != SaleStatus.NOT_CREATED || sale.chargeId() != null;
    }

    private void settleNotCreated(SaleWorker worker, EventKind kind, String code, String message) {
        commit(worker, worker.sale.toBuilder().status(SaleStatus.NOT_CREATED).failure(code, message).finishedAt(now()).build(),
                kind, null, null, message);
    }

    // --- reconciling an unknown outcome ---

    private void reconcile(SaleWorker worker) {
        Sale sale = worker.sale;
        if (sale.status() != SaleStatus.UNKNOWN && sale.status() != SaleStatus.CREATING) {
            return;
        }
        Optional<Charge> found;
        try {
            found = findCharge(sale);
            heardAnswer();
        } catch (OmiseException e) {
            heard(e);
            worker.consecutiveErrors++;
            Duration wait = settings.polling().errorDelay(worker.consecutiveErrors, settings.reconciliation().interval());
            log.warn("Could not search for the charge of {} ({}); again in {} ms", worker.reference, e.getMessage(), wait.toMillis());
            worker.schedule(() -> reconcile(worker), wait);
            return;
        }
        worker.consecutiveErrors = 0;
        if (found.isPresent()) {
            applyCharge(worker, found.get(), EventKind.RECONCILED_FOUND, null);
            return;
        }
        worker.lookupsWithoutMatch++;
        if (worker.lookupsWithoutMatch < settings.reconciliation().lookups()) {
            worker.schedule(() -> reconcile(worker), settings.reconciliation().interval());
            return;
        }
        settleNotCreated(worker, EventKind.RECONCILED_NOT_FOUND, "not_created",
                "no charge found after " + worker.lookupsWithoutMatch + " searches");
    }

    /**
     * The sale's charge, looked for only where it can be: created within the clock margin of the sale, so that a
     * search costs the same whatever the number of charges on the account since.
     */
    private Optional<Charge> findCharge(Sale sale) {
        return client.streamCharges(window(sale.createdAt(), sale.createdAt()))
                .filter(charge -> sale.tillReference().equals(charge.tillReference()))
                .findFirst();
    }

    /** The charges Omise may have made for sales from {@code first} to {@code last}, newest first. */
    private ListRequest window(Instant first, Instant last) {
        Duration margin = settings.reconciliation().clockMargin();
        return ListRequest.newestBetween(first.minus(margin), last.plus(margin), ListRequest.MAX_LIMIT);
    }

    // --- following a pending charge ---

    private void poll(SaleWorker worker) {
        Sale sale = worker.sale;
        if (sale.status() != SaleStatus.PENDING) {
            return;
        }
        try {
            Charge charge = client.retrieveCharge(sale.chargeId());
            heardAnswer();
            worker.consecutiveErrors = 0;
            worker.notFoundLooks = 0;
            applyCharge(worker, charge, EventKind.STATUS_SEEN, null);
        } catch (OmiseException e) {
            heard(e);
            if (e.failure() == ApiFailure.NOT_FOUND && ++worker.notFoundLooks >= LOOKS_BEFORE_ATTENTION) {
                log.error("Omise does not know charge {} of sale {} after {} looks; it needs a supervisor", sale.chargeId(),
                        worker.reference, worker.notFoundLooks);
                needsAttention(worker, "Omise knows no charge " + sale.chargeId() + " after " + worker.notFoundLooks + " looks");
                return;
            }
            worker.consecutiveErrors++;
            log.warn("Could not read the charge of {}: {}", worker.reference, e.getMessage());
            schedulePoll(worker);
        }
    }

    private void schedulePoll(SaleWorker worker) {
        if (worker.sale.status() != SaleStatus.PENDING) {
            return;
        }
        Duration sinceStart = Duration.between(worker.sale.createdAt(), now());
        Duration wait = worker.consecutiveErrors > 0
                ? settings.polling().errorDelay(worker.consecutiveErrors, sinceStart)
                : settings.polling().nextDelay(sinceStart);
        worker.schedule(() -> poll(worker), wait);
    }

    private void offerExpiry(SaleWorker worker) {
        if (worker.sale.status() == SaleStatus.PENDING && !worker.expiryOffered) {
            worker.expiryOffered = true;
            ledger.sales().note(SaleEvent.of(EventKind.EXPIRY_OFFERED, worker.sale, null, null,
                    "pending for more than " + settings.pendingLimit().toSeconds() + " s", now()));
            notifyListeners(worker.state());
        }
    }

    private ExpireFailedException expireFailed(SaleWorker worker, String supervisorId, ExpireFailedException.Reason reason,
                                               OmiseException cause) {
        ledger.sales().note(SaleEvent.of(EventKind.EXPIRE_FAILED, worker.sale, supervisorId, null,
                reason + (cause == null ? "" : ": " + cause.getMessage()), now()));
        return new ExpireFailedException(reason, worker.sale, cause);
    }

    /** Omise does not know the sale's charge however often it is asked: a supervisor must look; the sweep keeps asking. */
    private void needsAttention(SaleWorker worker, String detail) {
        if (!worker.sale.needsAttention()) {
            commit(worker, worker.sale.toBuilder().needsAttention(true).build(), EventKind.NEEDS_ATTENTION, null, null, detail);
        }
        finish(worker);
    }

    /** Whether Omise accepts the key, as its last answer told. */
    public OmiseAccess access() {
        return access;
    }

    private void heard(OmiseException failure) {
        if (failure.failure() == ApiFailure.ACCOUNT) {
            changeAccess(OmiseAccess.KEY_REFUSED);
        }
    }

    private void heardAnswer() {
        changeAccess(OmiseAccess.ACCEPTED);
    }

    private void changeAccess(OmiseAccess now) {
        if (access != now) {
            access = now;
            if (now == OmiseAccess.KEY_REFUSED) {
                log.error("Omise refused the secret key: no sale can be taken until a manager fixes it");
            } else {
                log.info("Omise accepts the secret key again");
            }
            tellListeners(listener -> listener.accessChanged(now));
        }
    }

    /**
     * Takes in what Omise says of the sale's charge, writing it with an event when anything changed. A charge that is
     * not this sale's (another id, amount, currency or till reference) is never taken in: the sale needs attention.
     */
    private void applyCharge(SaleWorker worker, Charge charge, EventKind kind, String operatorId) {
        Optional<String> mismatch = SaleFromCharge.mismatch(worker.sale, charge);
        if (mismatch.isPresent()) {
            log.error("Omise's charge {} does not match sale {}: {}", charge.id(), worker.reference, mismatch.get());
            needsAttention(worker, "charge " + charge.id() + " does not match the sale: " + mismatch.get());
            return;
        }
        Sale before = worker.sale;
        Sale after = SaleFromCharge.merged(before, charge, now());
        boolean newlyOwed = after.refundOwed() && !before.refundOwed();
        if (!after.equals(before) || kind != EventKind.STATUS_SEEN) {
            String detail = before.status() == after.status() ? after.status().name()
                    : before.status() + " -> " + after.status();
            if (after.failureCode() != null && after.status() == SaleStatus.FAILED) {
                detail += ": " + after.failureCode();
            }
            if (newlyOwed) {
                detail += "; paid after the sale was " + (before.expireRequested() ? "expired" : before.abandoned()
                        ? "abandoned" : "settled as not charged") + ": refund " + Money.format(after.refundableAmount());
            }
            commit(worker, after, newlyOwed ? EventKind.REFUND_OWED : kind, operatorId, null, detail);
        }
        if (after.status() == SaleStatus.PENDING) {
            worker.ensureExpiryOffer();
            schedulePoll(worker);
        }
    }

    // --- refunds ---

    private RefundRecord makeRefund(String tillReference, long amount, String operatorId, Approval approval) {
        if (!staff.mayWork(operatorId)) {
            throw new CheckoutRefusedException("Operator " + operatorId + " may not ask for a refund.");
        }
        Sale sale = ledger.sales().sale(tillReference)
                .orElseThrow(() -> new CheckoutRefusedException("There is no sale " + tillReference + "."));
        if (sale.status() != SaleStatus.SUCCESSFUL) {
            throw new CheckoutRefusedException("Only a paid sale can be refunded; sale " + tillReference + " is "
                    + sale.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        if (amount <= 0) {
            throw new CheckoutRefusedException("A refund must be more than " + Money.format(0) + ".");
        }
        List<RefundRecord> earlier = ledger.sales().refunds(tillReference);
        if (earlier.stream().anyMatch(refund -> refund.status() == RefundStatus.REQUESTED)) {
            throw new CheckoutRefusedException("An earlier refund of sale " + tillReference
                    + " is still waiting for Omise's answer; try again in a few minutes.");
        }
        if (amount > sale.refundableAmount()) {
            throw new CheckoutRefusedException("Only " + Money.format(sale.refundableAmount()) + " of sale " + tillReference
                    + " is left to refund, not " + Money.format(amount) + ".");
        }
        Instant now = now();
        if (now.isAfter(sale.createdAt().plus(WeChatPayUpm.REFUND_WINDOW))) {
            throw new CheckoutRefusedException("Sale " + tillReference + " is more than 90 days old; WeChat Pay charges can "
                    + "only be refunded within 90 days.");
        }
        String approvedBy = staff.spend(approval, new ApprovalRequest(ApprovalRequest.Action.REFUND, tillReference, amount))
                .orElseThrow(() -> new ApprovalRefusedException("refunding " + Money.format(amount) + " of sale " + tillReference));
        RefundRecord record = new RefundRecord(tillReference + "-R" + (earlier.size() + 1), tillReference, amount,
                RefundStatus.REQUESTED, null, operatorId, approvedBy, null, now, null);
        ledger.sales().insertRefund(record, SaleEvent.of(EventKind.REFUND_REQUESTED, sale, operatorId, amount,
                record.refundReference() + " approved by " + approvedBy, now));
        // A refund forgotten by a power cut could be made twice: the record is on the disk before the request leaves.
        ledger.forceToDisk();
        try {
            Refund refund = client.createRefund(sale.chargeId(), new CreateRefundRequest(amount, record.refundReference()));
            return settleRefundMade(record, sale, refund.id(), "refund " + refund.id());
        } catch (OmiseApiException refused) {
            heard(refused);
            ledger.sales().settleRefund(record.failed(refused.code(), now()), sale, SaleEvent.of(EventKind.REFUND_FAILED, sale,
                    operatorId, amount, refused.getMessage(), now()));
            throw new CheckoutRefusedException("Omise refused the refund: " + (refused.code() == null
                    ? refused.getMessage() : refused.apiMessage()), refused);
        } catch (OmiseException unknown) {
            ledger.sales().note(SaleEvent.of(EventKind.REFUND_OUTCOME_UNKNOWN, sale, operatorId, amount, unknown.getMessage(), now()));
            throw new CheckoutRefusedException("Omise did not answer about the refund of " + Money.format(amount)
                    + ". The till will find out whether it was made; do not refund again until it has.", unknown);
        }
    }

    private RefundRecord settleRefundMade(RefundRecord record, Sale sale, String refundId, String detail) {
        long refunded = sale.refundedAmount() + record.amount();
        Sale after = sale.toBuilder().refundedAmount(refunded).refundOwed(sale.refundOwed() && refunded < sale.amount()).build();
        RefundRecord done = record.done(refundId, now());
        Sale written = ledger.sales().settleRefund(done, after, SaleEvent.of(EventKind.REFUNDED, after, record.operatorId(),
                record.amount(), detail, now()));
        notifyListeners(new SaleState(written, false));
        return done;
    }

    /** A refund whose answer was lost is looked for by its reference once nothing can still be on its way. */
    private void settleUnansweredRefund(RefundRecord record) {
        Duration settleAfter = settings.reconciliation().interval().multipliedBy(settings.reconciliation().lookups());
        if (Duration.between(record.requestedAt(), now()).compareTo(settleAfter) < 0) {
            return;
        }
        withRefundLock(record.tillReference(), () -> {
            Sale sale = ledger.sales().sale(record.tillReference()).orElseThrow();
            Optional<Refund> made = client.listRefunds(sale.chargeId(), ListRequest.firstPage()
                            .withLimit(ListRequest.MAX_LIMIT).ordered(ListOrder.REVERSE_CHRONOLOGICAL)).data().stream()
                    .filter(refund -> record.refundReference().equals(refund.tillReference()))
                    .findFirst();
            if (made.isPresent()) {
                return settleRefundMade(record, sale, made.get().id(), "refund " + made.get().id() + " found after its answer was lost");
            }
            ledger.sales().settleRefund(record.failed("not_made", now()), sale, SaleEvent.of(EventKind.REFUND_FAILED, sale, null,
                    record.amount(), "no refund " + record.refundReference() + " was made", now()));
            return record;
        });
    }

    private <T> T withRefundLock(String tillReference, Supplier<T> work) {
        ReentrantLock lock = refundLocks.computeIfAbsent(tillReference, reference -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // --- recovery and sweeps ---

    private List<String> recoverUnfinishedSales() {
        List<String> resumed = new ArrayList<>();
        for (Sale sale : ledger.sales().unfinishedSales()) {
            if (!isOurs(sale) || workers.containsKey(sale.tillReference()) || sale.needsAttention()) {
                continue;
            }
            SaleWorker worker = new SaleWorker(sale, null);
            workers.put(sale.tillReference(), worker);
            resumed.add(sale.tillReference());
            worker.submit(() -> resume(worker));
        }
        if (!resumed.isEmpty()) {
            log.warn("Resumed {} sale(s) left unfinished by the last run: {}", resumed.size(), resumed);
        }
        return List.copyOf(resumed);
    }

    private void resume(SaleWorker worker) {
        Sale sale = worker.sale;
        switch (sale.status()) {
            case CREATED -> settleNotCreated(worker, EventKind.RECOVERED, "not_sent",
                    "the till stopped before the charge was sent");
            case CREATING, UNKNOWN -> {
                commit(worker, sale.toBuilder().status(SaleStatus.UNKNOWN).build(), EventKind.RECOVERED, null, null,
                        "the till stopped before the charge's answer came; searching for it");
                reconcile(worker);
            }
            case PENDING -> {
                ledger.sales().note(SaleEvent.of(EventKind.RECOVERED, sale, null, null, "following the pending charge again", now()));
                worker.ensureExpiryOffer();
                poll(worker);
            }
            default -> finish(worker);
        }
    }

    private void sweep() {
        askWhetherTheKeyIsAcceptedAgain();
        lookAgainAtUnknownCharges();
        for (RefundRecord refund : ledger.sales().unsettledRefunds()) {
            try {
                settleUnansweredRefund(refund);
            } catch (OmiseException e) {
                log.warn("Could not settle refund {}: {}", refund.refundReference(), e.getMessage());
            }
        }
        // Omise out of reach is no reason to stop: each look is tried again at the next sweep.
        try {
            findLateCharges();
            adoptOrphanedCharges();
        } catch (OmiseException e) {
            heard(e);
            log.warn("Could not look through Omise's charges for late or lost ones; again at the next check: {}", e.getMessage());
        }
    }

    /** A key Omise refused may have been a passing fault of Omise's: asked again at every sweep while it lasts. */
    private void askWhetherTheKeyIsAcceptedAgain() {
        if (access != OmiseAccess.KEY_REFUSED) {
            return;
        }
        try {
            client.listCharges(ListRequest.firstPage().withLimit(1));
            heardAnswer();
        } catch (OmiseException e) {
            heard(e);
        }
    }

    /** Sales whose charge Omise did not know are asked about again, slowly; one Omise knows now is followed again. */
    private void lookAgainAtUnknownCharges() {
        for (Sale sale : ledger.sales().salesNeedingAttention()) {
            if (!isOurs(sale) || workers.containsKey(sale.tillReference())) {
                continue;
            }
            Charge charge;
            try {
                // A sale whose first answer did not fit it has no charge id of its own: it is searched for instead.
                charge = sale.chargeId() != null ? client.retrieveCharge(sale.chargeId()) : findCharge(sale).orElse(null);
                heardAnswer();
                if (charge == null) {
                    continue;
                }
            } catch (OmiseException e) {
                heard(e);
                log.info("Charge {} of sale {} still unknown: {}", sale.chargeId(), sale.tillReference(), e.getMessage());
                continue;
            }
            SaleWorker worker = new SaleWorker(sale, null);
            if (workers.putIfAbsent(worker.reference, worker) == null) {
                log.warn("Omise knows charge {} of sale {} now; following it again", sale.chargeId(), sale.tillReference());
                worker.submit(() -> applyCharge(worker, charge, EventKind.STATUS_SEEN, null));
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("The periodic check of refunds and late charges failed: {}", e.getMessage());
        }
    }

    /** A charge found for a sale settled as never charged: followed, expired while pending, and flagged for refund if paid. */
    private void findLateCharges() {
        List<Sale> settled = ledger.sales().settledAsNotCreatedSince(now().minus(settings.lateChargeWindow())).stream()
                .filter(sale -> isOurs(sale) && sale.chargeId() == null && !workers.containsKey(sale.tillReference()))
                .toList();
        if (settled.isEmpty()) {
            return;
        }
        Map<String, Sale> byReference = settled.stream().collect(Collectors.toMap(Sale::tillReference, Function.identity()));
        List<Charge> late = new ArrayList<>();
        for (List<Sale> near : nearEachOther(settled)) {
            client.streamCharges(window(near.get(0).createdAt(), near.get(near.size() - 1).createdAt()))
                    .filter(charge -> byReference.containsKey(charge.tillReference()))
                    .forEach(late::add);
        }
        for (Charge charge : late) {
            SaleWorker worker = new SaleWorker(byReference.get(charge.tillReference()), null);
            if (workers.putIfAbsent(worker.reference, worker) == null) {
                log.warn("A charge turned up late for sale {}", worker.reference);
                worker.submit(() -> closeTheLoop(worker, charge, EventKind.LATE_CHARGE_FOUND, "the sale was settled as not charged"));
            }
        }
    }

    /**
     * Charges Omise made for this till whose sale the ledger lacks (its rows lost to a power cut before they reached
     * the disk, say) are taken back as sales flagged {@link Sale#recoveredFromOmise()} for a supervisor to review. The
     * first look covers {@link CheckoutSettings#lateChargeWindow()}; each later one only the time since the last.
     */
    private void adoptOrphanedCharges() {
        orphanSearch.lock();
        try {
            Instant until = now();
            Instant from = orphansSoughtUntil == null ? until.minus(settings.lateChargeWindow())
                    : orphansSoughtUntil.minus(settings.reconciliation().clockMargin());
            List<Charge> orphans = client.streamCharges(ListRequest.newestBetween(from,
                            until.plus(settings.reconciliation().clockMargin()), ListRequest.MAX_LIMIT))
                    .filter(charge -> settings.tillId().equals(charge.metadata().get(TILL_ID_KEY)) && charge.tillReference() != null)
                    .filter(charge -> ledger.sales().sale(charge.tillReference()).isEmpty())
                    .toList();
            heardAnswer();
            for (Charge charge : orphans) {
                adoptOrphan(charge);
            }
            orphansSoughtUntil = until;
        } finally {
            orphanSearch.unlock();
        }
    }

    private void adoptOrphan(Charge charge) {
        Sale sale = SaleFromCharge.recovered(charge, settings.tillId(), now());
        log.error("Omise holds charge {} of this till for sale {}, which the ledger lacks; taking it back for a supervisor "
                + "to review", charge.id(), sale.tillReference());
        ledger.sales().insert(sale, SaleEvent.of(EventKind.RECOVERED_FROM_OMISE, sale, null, sale.amount(), "charge " + charge.id()
                + " found at Omise; the ledger had no record of the sale", now()),
                SaleFromCharge.paymentCode(charge).map(PaymentCode::digits).orElse(null));
        SaleWorker worker = new SaleWorker(sale, null);
        if (workers.putIfAbsent(worker.reference, worker) == null) {
            // Nobody at the till is waiting for it: a pending one is expired, as for a charge that turned up late.
            worker.submit(() -> closeTheLoop(worker, charge, EventKind.STATUS_SEEN, "the sale was lost by the till"));
        }
    }

    /** Sales in time order, in runs whose search windows overlap, so that each stretch of time is listed once. */
    private List<List<Sale>> nearEachOther(List<Sale> sales) {
        Duration margin = settings.reconciliation().clockMargin().multipliedBy(2);
        List<List<Sale>> runs = new ArrayList<>();
        List<Sale> run = new ArrayList<>();
        for (Sale sale : sales) {
            if (!run.isEmpty() && sale.createdAt().isAfter(run.get(run.size() - 1).createdAt().plus(margin))) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(sale);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Takes in a charge nobody at the till is waiting for; while it is pending, it is expired. */
    private void closeTheLoop(SaleWorker worker, Charge charge, EventKind kind, String why) {
        applyCharge(worker, charge, kind, null);
        if (worker.sale.status() == SaleStatus.PENDING) {
            commit(worker, worker.sale.toBuilder().expireRequested(true).build(), EventKind.EXPIRE_REQUESTED, null, null, why);
            try {
                applyCharge(worker, client.expireCharge(charge.id()), EventKind.STATUS_SEEN, null);
            } catch (OmiseException e) {
                ledger.sales().note(SaleEvent.of(EventKind.EXPIRE_FAILED, worker.sale, null, null, e.getMessage(), now()));
            }
        }
    }

    // --- plumbing ---

    private void commit(SaleWorker worker, Sale after, EventKind kind, String operatorId, Long amount, String detail) {
        // A closed engine writes nothing more, as if the till had stopped here; the next start resumes the sale.
        requireOpen();
        try {
            worker.sale = ledger.sales().update(after, SaleEvent.of(kind, after, operatorId, amount, detail, now()));
        } catch (StaleSaleException stale) {
            // Someone else wrote the sale since this copy was read: carry on from what the ledger holds now.
            worker.sale = ledger.sales().sale(worker.reference).orElseThrow(() -> stale);
            log.warn("Sale {} was changed elsewhere; following version {} from the ledger", worker.reference, worker.sale.version());
            if (worker.sale.status().isFinal()) {
                finish(worker);
            }
            notifyListeners(worker.state());
            throw stale;
        }
        if (after.status().isFinal()) {
            // Released before anyone hears of it, so the next scan told of a final state is accepted.
            finish(worker);
        }
        notifyListeners(worker.state());
    }

    private void finish(SaleWorker worker) {
        worker.cancelTimers();
        workers.remove(worker.reference, worker);
        if (worker.paymentDigits != null) {
            inFlightCodes.remove(worker.paymentDigits, worker.reference);
        }
    }

    private void notifyListeners(SaleState state) {
        tellListeners(listener -> listener.saleChanged(state));
    }

    private void tellListeners(Consumer<CheckoutListener> news) {
        for (CheckoutListener listener : listeners) {
            try {
                news.accept(listener);
            } catch (RuntimeException e) {
                log.warn("A checkout listener failed", e);
            }
        }
    }

    private CompletableFuture<SaleState> onSale(String tillReference, Function<SaleWorker, SaleState> work) {
        SaleWorker worker = workers.get(tillReference);
        if (worker == null) {
            // No longer in flight: its final state is in the ledger.
            return onEngineThread(() -> ledger.sales().sale(tillReference)
                    .map(sale -> new SaleState(sale, false))
                    .orElseThrow(() -> new CheckoutRefusedException("There is no sale " + tillReference + ".")));
        }
        CompletableFuture<SaleState> result = new CompletableFuture<>();
        worker.submit(() -> {
            try {
                result.complete(work.apply(worker));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private <T> CompletableFuture<T> onEngineThread(Supplier<T> work) {
        requireOpen();
        return CompletableFuture.supplyAsync(work, scheduler);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the checkout engine is closed");
        }
    }

    private static void requireOperator(String operatorId) {
        if (operatorId == null || operatorId.isBlank()) {
            throw new CheckoutRefusedException("An operator must be signed in.");
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder(settings.tillId()).append('-').append(REFERENCE_TIME.format(now())).append('-');
        for (int i = 0; i < 3; i++) {
            reference.append(BASE36[random.nextInt(BASE36.length)]);
        }
        return reference.toString();
    }

    /** One sale's state and timers. Its steps run one at a time under its lock. */
    private final class SaleWorker {
        final String reference;
        final String paymentDigits;
        final ReentrantLock lock = new ReentrantLock();
        volatile Sale sale;
        volatile boolean expiryOffered;
        int consecutiveErrors;
        int lookupsWithoutMatch;
        int notFoundLooks;
        private ScheduledFuture<?> next;
        private ScheduledFuture<?> expiryOffer;

        SaleWorker(Sale sale, String paymentDigits) {
            this.reference = sale.tillReference();
            this.sale = sale;
            this.paymentDigits = paymentDigits;
        }

        SaleState state() {
            return new SaleState(sale, expiryOffered);
        }

        void submit(Runnable step) {
            scheduler.execute(() -> runLocked(step));
        }

        void schedule(Runnable step, Duration delay) {
            if (next != null) {
                next.cancel(false);
            }
            next = scheduler.schedule(() -> runLocked(step), delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        void ensureExpiryOffer() {
            if (expiryOffer == null && !expiryOffered) {
                Duration wait = Duration.between(now(), sale.createdAt().plus(settings.pendingLimit()));
                expiryOffer = scheduler.schedule(() -> runLocked(() -> offerExpiry(this)),
                        Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
            }
        }

        void cancelTimers() {
            if (next != null) {
                next.cancel(false);
            }
            if (expiryOffer != null) {
                expiryOffer.cancel(false);
            }
        }

        private void runLocked(Runnable step) {
            if (closed) {
                return;
            }
            lock.lock();
            try {
                step.run();
            } catch (StaleSaleException e) {
                retryLater();
            } catch (RuntimeException e) {
                if (closed) {
                    // The engine closed under the step: the next start resumes the sale.
                    log.debug("Sale {} step cut short by the close", reference, e);
                    return;
                }
                log.error("Sale {} step failed; trying again shortly", reference, e);
                retryLater();
            } finally {
                lock.unlock();
            }
        }

        private void retryLater() {
            if (closed) {
                return;
            }
            consecutiveErrors++;
            Duration wait = settings.polling().errorDelay(consecutiveErrors, Duration.ZERO);
            switch (sale.status()) {
                case PENDING -> schedule(() -> poll(this), wait);
                case UNKNOWN, CREATING -> schedule(() -> reconcile(this), wait);
                default -> { }
            }
        }
    }
}
