package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.StaleSaleException;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.ApiFailure;
import com.scantill.omise.Charge;
import com.scantill.omise.ChargeCreation;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.OmiseApiException;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import com.scantill.omise.OmiseTransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sale's state machine, from the scan to a final state: each step written to the ledger before the request it
 * leads to leaves; a charge whose creation answer was lost reconciled, never sent again; a pending charge polled
 * until final, expired on a supervisor's word, or closed when nobody is waiting for it.
 */
final class SaleFlow {

    private static final Logger log = LoggerFactory.getLogger(SaleFlow.class);
    /** How many times in a row Omise may say it does not know a sale's charge before a supervisor must look. */
    static final int LOOKS_BEFORE_ATTENTION = 5;

    private final Ledger ledger;
    private final OmiseClient client;
    private final CheckoutSettings settings;
    private final Staff staff;
    private final EngineThreads threads;
    private final AccessWatch access;
    private final ChargeSearch search;
    private final Consumer<SaleState> changed;
    private final Map<String, SaleWorker> workers = new ConcurrentHashMap<>();
    private final Map<String, String> inFlightCodes = new ConcurrentHashMap<>();
    /** Whether the store pushes Omise's news of charges to the till, so that polling is only a safety net. */
    private volatile boolean pushed;
    /**
     * Charges the safety net found final before any notice of them, in a row: Omise's webhooks may not be reaching the
     * store though its heartbeat is heard (no endpoint set on the dashboard, say). At {@link #MISSED_PUSHES_TO_DISTRUST}
     * the till polls as usual again, until a notice comes.
     */
    private final AtomicInteger missedPushes = new AtomicInteger();
    static final int MISSED_PUSHES_TO_DISTRUST = 2;

    SaleFlow(Ledger ledger, OmiseClient client, CheckoutSettings settings, Staff staff, EngineThreads threads,
             AccessWatch access, ChargeSearch search, Consumer<SaleState> changed) {
        this.ledger = ledger;
        this.client = client;
        this.settings = settings;
        this.staff = staff;
        this.threads = threads;
        this.access = access;
        this.search = search;
        this.changed = changed;
    }

    // --- the sales in flight ---

    SaleWorker worker(String tillReference) {
        return workers.get(tillReference);
    }

    boolean isFollowing(String tillReference) {
        return workers.containsKey(tillReference);
    }

    Collection<SaleWorker> workers() {
        return workers.values();
    }

    /** The sale being charged with this payment code now, if any. */
    Optional<SaleWorker> chargingWith(String paymentDigits) {
        String reference = inFlightCodes.get(paymentDigits);
        return Optional.ofNullable(reference == null ? null : workers.get(reference));
    }

    /** Follows a new sale whose code is being charged; the caller holds the engine's admission lock. */
    SaleWorker admit(Sale sale, String paymentDigits) {
        inFlightCodes.put(paymentDigits, sale.tillReference());
        SaleWorker worker = newWorker(sale, paymentDigits);
        workers.put(sale.tillReference(), worker);
        return worker;
    }

    /** Follows a sale from the ledger; {@code null} when it is followed already. */
    SaleWorker follow(Sale sale) {
        SaleWorker worker = newWorker(sale, null);
        return workers.putIfAbsent(worker.reference, worker) == null ? worker : null;
    }

    private SaleWorker newWorker(Sale sale, String paymentDigits) {
        return new SaleWorker(sale, paymentDigits, threads, this::retryLater);
    }

    // --- creating a charge ---

    void create(SaleWorker worker, PaymentCode code, CompletableFuture<SaleState> written) {
        Sale sale = worker.sale;
        try {
            if (!staff.mayWork(sale.operatorId())) {
                refuse(worker, written, new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.OPERATOR_MAY_NOT_WORK, null,
                        sale.operatorId())));
                return;
            }
            Optional<Sale> used = ledger.sales().salesWithPaymentCode(code.digits()).stream()
                    .filter(SaleFlow::mayHaveCharged).findFirst();
            if (used.isPresent()) {
                log.info("Payment code {} refused: already used for sale {}", code.masked(), used.get().tillReference());
                refuse(worker, written, new PaymentCodeUsedException(used.get()));
                return;
            }
            // Written as about to be requested at once: one commit, not two, on the way to the request.
            Sale creating = sale.toBuilder().status(SaleStatus.CREATING).build();
            threads.requireOpen();
            ledger.sales().insert(creating, List.of(
                    SaleEvent.of(EventKind.SALE_CREATED, sale, sale.operatorId(), sale.amount(), "payment code "
                            + sale.paymentCodeMasked(), now()),
                    SaleEvent.of(EventKind.CHARGE_REQUESTED, creating, sale.operatorId(), sale.amount(), null, now())),
                    code.digits());
            worker.sale = creating;
            // On the disk itself before the request leaves: a power cut must not forget a charge that may be made.
            ledger.forceToDisk();
            changed.accept(worker.state());
        } catch (RuntimeException e) {
            if (!threads.closed()) {
                log.error("Sale {} could not be written to the ledger; nothing was sent", worker.reference, e);
            }
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
                    .withMetadata(Map.of(CheckoutEngine.TILL_ID_KEY, settings.tillId(), CheckoutEngine.OPERATOR_ID_KEY,
                            sale.operatorId())));
        } catch (OmiseApiException refused) {
            access.heard(refused);
            String failureCode = refused.isMethodNotEnabled() ? CheckoutEngine.METHOD_NOT_ENABLED
                    : refused.code() == null ? "http_" + refused.httpStatus() : refused.code();
            settleNotCreated(worker, EventKind.CHARGE_REFUSED, failureCode,
                    refused.code() == null ? refused.getMessage() : refused.apiMessage());
            return;
        } catch (OmiseTransportException notSent) {
            settleNotCreated(worker, EventKind.CHARGE_NOT_SENT, "not_sent", notSent.getMessage());
            return;
        } catch (RuntimeException unexpected) {
            threads.requireOpen();
            log.error("Creating the charge of {} failed unexpectedly; reconciling", worker.reference, unexpected);
            creation = new ChargeCreation.OutcomeUnknown(worker.reference, unexpected.toString(), 0);
        }
        if (creation instanceof ChargeCreation.Created created) {
            access.heardAnswer();
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
            found = search.chargeOf(sale);
            access.heardAnswer();
        } catch (OmiseException e) {
            access.heard(e);
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

    // --- following a pending charge ---

    private void poll(SaleWorker worker) {
        Sale sale = worker.sale;
        if (sale.status() != SaleStatus.PENDING) {
            return;
        }
        try {
            Charge charge = client.retrieveCharge(sale.chargeId());
            access.heardAnswer();
            worker.consecutiveErrors = 0;
            worker.notFoundLooks = 0;
            applyCharge(worker, charge, EventKind.STATUS_SEEN, null);
            if (pushWorks() && worker.sale.status().isFinal() && !worker.noticed
                    && missedPushes.incrementAndGet() == MISSED_PUSHES_TO_DISTRUST) {
                log.warn("{} charges in a row ended without a notice from the store: Omise's webhooks may not reach it; "
                        + "polling as usual until one does", MISSED_PUSHES_TO_DISTRUST);
                rescheduleEveryPoll();
            }
        } catch (OmiseException e) {
            access.heard(e);
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
        PollingSchedule schedule = pushWorks() ? settings.pushedPolling() : settings.polling();
        Duration wait = worker.consecutiveErrors > 0
                ? schedule.errorDelay(worker.consecutiveErrors, sinceStart)
                : schedule.nextDelay(sinceStart);
        worker.schedule(() -> poll(worker), wait);
    }

    // --- the store's push ---

    /**
     * The store says the sale's charge changed: a pending one is looked at now; one whose creation answer was lost is
     * retrieved by the id the store named and taken in only if it is the sale's. Never believed without a look.
     */
    void lookNow(SaleWorker worker, String chargeId) {
        missedPushes.set(0);
        worker.submit(() -> {
            worker.noticed = true;
            switch (worker.sale.status()) {
                case PENDING -> poll(worker);
                case UNKNOWN -> retrieveNoticed(worker, chargeId);
                default -> { }
            }
        });
    }

    private void retrieveNoticed(SaleWorker worker, String chargeId) {
        Charge charge;
        try {
            charge = client.retrieveCharge(chargeId);
            access.heardAnswer();
        } catch (OmiseException e) {
            access.heard(e);
            log.info("Could not retrieve charge {} the store named for {}; reconciling as before: {}", chargeId, worker.reference,
                    e.getMessage());
            return;
        }
        if (worker.reference.equals(charge.tillReference())) {
            applyCharge(worker, charge, EventKind.RECONCILED_FOUND, null);
        } else {
            log.warn("Charge {} the store named is not sale {}'s; reconciling as before", chargeId, worker.reference);
        }
    }

    private boolean pushWorks() {
        return pushed && missedPushes.get() < MISSED_PUSHES_TO_DISTRUST;
    }

    /** Push started or stopped; when it stops, every pending sale returns to the usual polling at once. */
    void pushChanged(boolean working) {
        pushed = working;
        if (!working) {
            rescheduleEveryPoll();
        }
    }

    /** Every pending sale's next look, in place of the one scheduled: for when the schedule in force changed. */
    private void rescheduleEveryPoll() {
        for (SaleWorker worker : workers.values()) {
            worker.submit(() -> schedulePoll(worker));
        }
    }

    private void ensureExpiryOffer(SaleWorker worker) {
        worker.ensureExpiryOffer(Duration.between(now(), worker.sale.createdAt().plus(settings.pendingLimit())),
                () -> offerExpiry(worker));
    }

    private void offerExpiry(SaleWorker worker) {
        if (worker.sale.status() == SaleStatus.PENDING && !worker.expiryOffered) {
            worker.expiryOffered = true;
            ledger.sales().note(SaleEvent.of(EventKind.EXPIRY_OFFERED, worker.sale, null, null,
                    "pending for more than " + settings.pendingLimit().toSeconds() + " s", now()));
            changed.accept(worker.state());
        }
    }

    // --- expiring a pending charge ---

    /** Expires the sale's pending charge on a supervisor's word; the sale as it truly ended, or why it did not. */
    SaleState expire(SaleWorker worker, String supervisorId) {
        Sale sale = worker.sale;
        commit(worker, sale.toBuilder().expireRequested(true).build(), EventKind.EXPIRE_REQUESTED, supervisorId, null, null);
        try {
            applyCharge(worker, client.expireCharge(sale.chargeId()), EventKind.STATUS_SEEN, supervisorId);
            access.heardAnswer();
        } catch (OmiseException refused) {
            access.heard(refused);
            switch (refused.failure()) {
                case ACCOUNT -> throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.KEY_REFUSED, refused);
                case RETRYABLE -> {
                    if (!(refused instanceof OmiseApiException)) {
                        throw expireFailed(worker, supervisorId, ExpireFailedException.Reason.UNREACHABLE, refused);
                    }
                }
                default -> log.info("Expiry of {} refused ({}); reading the charge", worker.reference, refused.getMessage());
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
    }

    private void lookAfterRefusedExpiry(SaleWorker worker, String supervisorId) {
        try {
            applyCharge(worker, client.retrieveCharge(worker.sale.chargeId()), EventKind.STATUS_SEEN, null);
            access.heardAnswer();
        } catch (OmiseException unreadable) {
            access.heard(unreadable);
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

    private ExpireFailedException expireFailed(SaleWorker worker, String supervisorId, ExpireFailedException.Reason reason,
                                               OmiseException cause) {
        ledger.sales().note(SaleEvent.of(EventKind.EXPIRE_FAILED, worker.sale, supervisorId, null,
                reason + (cause == null ? "" : ": " + cause.getMessage()), now()));
        return new ExpireFailedException(reason, worker.sale, cause);
    }

    /** Takes in a charge nobody at the till is waiting for; while it is pending, it is expired. */
    void closeTheLoop(SaleWorker worker, Charge charge, EventKind kind, String why) {
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

    /** Omise does not know the sale's charge however often it is asked: a supervisor must look; the sweep keeps asking. */
    private void needsAttention(SaleWorker worker, String detail) {
        if (!worker.sale.needsAttention()) {
            commit(worker, worker.sale.toBuilder().needsAttention(true).build(), EventKind.NEEDS_ATTENTION, null, null, detail);
        }
        finish(worker);
    }

    /**
     * Takes in what Omise says of the sale's charge, writing it with an event when anything changed. A charge that is
     * not this sale's (another id, amount, currency or till reference) is never taken in: the sale needs attention.
     */
    void applyCharge(SaleWorker worker, Charge charge, EventKind kind, String operatorId) {
        Optional<String> mismatch = SaleFromCharge.mismatch(worker.sale, charge);
        if (mismatch.isPresent()) {
            log.error("Omise's charge {} does not match sale {}: {}", charge.id(), worker.reference, mismatch.get());
            needsAttention(worker, "charge " + charge.id() + " does not match the sale: " + mismatch.get());
            return;
        }
        Sale before = worker.sale;
        Sale after = SaleFromCharge.merged(before, charge, now());
        if (!after.equals(before) || kind != EventKind.STATUS_SEEN) {
            boolean newlyOwed = after.refundOwed() && !before.refundOwed();
            commit(worker, after, newlyOwed ? EventKind.REFUND_OWED : kind, operatorId, null, SaleFromCharge.change(before, after));
        }
        if (after.status() == SaleStatus.PENDING) {
            ensureExpiryOffer(worker);
            schedulePoll(worker);
        }
    }

    // --- a sale an earlier run left unfinished ---

    void resume(SaleWorker worker) {
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
                ensureExpiryOffer(worker);
                poll(worker);
            }
            default -> finish(worker);
        }
    }

    // --- plumbing ---

    void commit(SaleWorker worker, Sale after, EventKind kind, String operatorId, Long amount, String detail) {
        // A closed engine writes nothing more, as if the till had stopped here; the next start resumes the sale.
        threads.requireOpen();
        try {
            worker.sale = ledger.sales().update(after, SaleEvent.of(kind, after, operatorId, amount, detail, now()));
        } catch (StaleSaleException stale) {
            // Someone else wrote the sale since this copy was read: carry on from what the ledger holds now.
            worker.sale = ledger.sales().sale(worker.reference).orElseThrow(() -> stale);
            log.warn("Sale {} was changed elsewhere; following version {} from the ledger", worker.reference, worker.sale.version());
            if (worker.sale.status().isFinal()) {
                finish(worker);
            }
            changed.accept(worker.state());
            throw stale;
        }
        if (after.status().isFinal()) {
            // Released before anyone hears of it, so the next scan told of a final state is accepted.
            finish(worker);
        }
        changed.accept(worker.state());
    }

    void finish(SaleWorker worker) {
        worker.cancelTimers();
        workers.remove(worker.reference, worker);
        if (worker.paymentDigits != null) {
            inFlightCodes.remove(worker.paymentDigits, worker.reference);
        }
    }

    private void retryLater(SaleWorker worker) {
        if (threads.closed()) {
            return;
        }
        worker.consecutiveErrors++;
        Duration wait = settings.polling().errorDelay(worker.consecutiveErrors, Duration.ZERO);
        switch (worker.sale.status()) {
            case PENDING -> worker.schedule(() -> poll(worker), wait);
            case UNKNOWN, CREATING -> worker.schedule(() -> reconcile(worker), wait);
            default -> { }
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
