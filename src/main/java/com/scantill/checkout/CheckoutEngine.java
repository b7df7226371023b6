package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.UpmRules;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.OmiseClient;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every sale of one till from the scan to a final state ({@link SaleFlow}), makes refunds ({@link Refunds}) and
 * looks again at what may have gone astray ({@link Sweeps}). Each step is written to the ledger before the request it
 * leads to leaves; a charge whose creation answer was lost is reconciled, never sent again; sales left unfinished by
 * a stop are resumed by {@link #start()}.
 *
 * <p>All work runs on the engine's own threads. Each sale's steps run one at a time, so a charge never has more
 * than one request in flight. Operators' requests return futures; every change is also told to the
 * {@link CheckoutListener}s.
 */
public final class CheckoutEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckoutEngine.class);
    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    /** The failure code of a sale Omise refused because its payment method is not switched on for the account. */
    public static final String METHOD_NOT_ENABLED = "method_not_enabled";
    /** The charge's metadata keys naming the till and the operator that made it (beside {@code till_reference}). */
    public static final String TILL_ID_KEY = CreateChargeRequest.TILL_ID_KEY;
    public static final String OPERATOR_ID_KEY = "operator_id";

    private final Ledger ledger;
    private final CheckoutSettings settings;
    private final Staff staff;
    private final EngineThreads threads;
    private final AccessWatch access;
    private final SaleFlow flow;
    private final Refunds refunds;
    private final Sweeps sweeps;
    private final List<CheckoutListener> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<List<String>> recovered = new CompletableFuture<>();

    /** @param staff who may work, and where a supervisor's approval of an expiry or a refund is checked and spent */
    public CheckoutEngine(Ledger ledger, OmiseClient client, CheckoutSettings settings, Staff staff) {
        this.ledger = ledger;
        this.settings = settings;
        this.staff = staff;
        this.threads = new EngineThreads(settings.tillId());
        this.access = new AccessWatch(now -> tellListeners(listener -> listener.accessChanged(now)));
        ChargeSearch search = new ChargeSearch(client, settings.tillId(), settings.reconciliation().clockMargin());
        this.flow = new SaleFlow(ledger, client, settings, staff, threads, access, search, this::notifyListeners);
        this.refunds = new Refunds(ledger, client, settings, staff, access, this::notifyListeners);
        this.sweeps = new Sweeps(ledger, client, settings, access, search, flow, refunds);
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
            recovered.complete(sweeps.recoverUnfinishedSales());
            sweeps.sweep();
            return null;
        });
        threads.repeat(sweeps::sweepQuietly, settings.sweepInterval());
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
     * @throws CheckoutRefusedException for an amount out of the limits, a code of a method not switched on, or while
     *                                  an earlier sale's outcome is still being reconciled; nothing is written or sent
     */
    public CompletableFuture<SaleState> startSale(long amount, PaymentCode code, String operatorId) {
        requireOperator(operatorId);
        if (!UpmRules.isWithinLimits(amount)) {
            throw new CheckoutRefusedException(Refusal.ofAmount(Refusal.Reason.AMOUNT_OUT_OF_LIMITS, null, amount));
        }
        if (!settings.methods().contains(code.method())) {
            throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.METHOD_NOT_ENABLED, null,
                    code.method().sourceType()));
        }
        if (access.access() == OmiseAccess.KEY_REFUSED) {
            throw new KeyRefusedException();
        }
        SaleWorker worker;
        synchronized (this) {
            threads.requireOpen();
            Optional<SaleWorker> charging = flow.chargingWith(code.digits());
            if (charging.isPresent()) {
                throw new PaymentCodeUsedException(charging.get().sale);
            }
            Optional<SaleWorker> unsettled = flow.workers().stream()
                    .filter(w -> switch (w.sale.status()) {
                        case CREATED, CREATING, UNKNOWN -> true;
                        default -> false;
                    }).findFirst();
            if (unsettled.isPresent()) {
                throw new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.EARLIER_SALE_UNSETTLED, unsettled.get().reference));
            }
            // The wallet the code's format names, until Omise's charge names one.
            worker = flow.admit(Sale.created(newReference(), settings.tillId(), operatorId, amount, UpmRules.CURRENCY,
                    code.method(), code.masked(), now()).toBuilder().wallet(code.wallet()).build(), code.digits());
        }
        CompletableFuture<SaleState> written = new CompletableFuture<>();
        worker.submit(() -> flow.create(worker, code, written));
        return written;
    }

    /**
     * A supervisor's request to expire a pending charge, with their approval of exactly that (spent here). The future
     * fails with {@link ApprovalRefusedException} without one, and nothing is written or sent. The future holds the
     * sale as it truly ended: expired, or paid or failed when the customer finished first; or it fails with
     * {@link ExpireFailedException} saying why the charge is not expired (Omise unreachable, the charge still pending,
     * unknown to Omise, or the key refused).
     */
    public CompletableFuture<SaleState> expire(String tillReference, Approval approval) {
        Objects.requireNonNull(approval, "approval");
        return onSale(tillReference, worker -> {
            Sale sale = worker.sale;
            if (sale.status().isFinal()) {
                return worker.state();
            }
            if (sale.status() != SaleStatus.PENDING) {
                throw new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.NO_CHARGE_YET, tillReference));
            }
            ApprovalRequest request = new ApprovalRequest(ApprovalRequest.Action.EXPIRE, tillReference, sale.amount());
            String supervisorId = staff.spend(approval, request).orElseThrow(() -> new ApprovalRefusedException(request));
            return flow.expire(worker, supervisorId);
        });
    }

    /** The cashier stops waiting for a pending charge; the engine keeps following it, and asks for a refund if it is paid. */
    public CompletableFuture<SaleState> abandon(String tillReference, String operatorId) {
        requireOperator(operatorId);
        return onSale(tillReference, worker -> {
            Sale sale = worker.sale;
            if (!staff.mayWork(operatorId)) {
                throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.OPERATOR_MAY_NOT_WORK, tillReference, operatorId));
            }
            if (!sale.status().isFinal() && !sale.abandoned()) {
                flow.commit(worker, sale.toBuilder().abandoned(true).build(), EventKind.ABANDONED, operatorId, null, null);
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
        return onEngineThread(() -> refunds.refund(tillReference, amount, operatorId, approval));
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
                    .orElseThrow(() -> new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.NO_SUCH_SALE, tillReference)));
            if (!sale.recoveredFromOmise()) {
                throw new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.NOT_WAITING_FOR_REVIEW, tillReference));
            }
            if (!sale.status().isFinal() || flow.isFollowing(tillReference)) {
                throw new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.STILL_FOLLOWED, tillReference));
            }
            ApprovalRequest request = new ApprovalRequest(ApprovalRequest.Action.CONFIRM_RECOVERED, tillReference, sale.amount());
            String supervisorId = staff.spend(approval, request).orElseThrow(() -> new ApprovalRefusedException(request));
            Sale confirmed = sale.toBuilder().recoveredFromOmise(false).build();
            SaleState state = new SaleState(ledger.sales().update(confirmed, SaleEvent.of(EventKind.RECOVERY_CONFIRMED, confirmed,
                    supervisorId, null, "confirmed as a real sale", now())), false);
            notifyListeners(state);
            return state;
        });
    }

    /** The sale as the engine has it; read from the ledger when it is no longer in flight. Reads the disk. */
    public Optional<SaleState> state(String tillReference) {
        SaleWorker worker = flow.worker(tillReference);
        if (worker != null) {
            return Optional.of(worker.state());
        }
        return ledger.sales().sale(tillReference).map(sale -> new SaleState(sale, false));
    }

    /** The sales not yet final, in memory: cheap enough for the FX thread. */
    public List<SaleState> salesInFlight() {
        return flow.workers().stream().map(SaleWorker::state)
                .sorted(Comparator.comparing(state -> state.sale().createdAt())).toList();
    }

    /** Runs the periodic checks now: refunds whose answer was lost, and charges that turned up late. */
    public CompletableFuture<Void> sweepNow() {
        return onEngineThread(() -> {
            sweeps.sweep();
            return null;
        });
    }

    /**
     * The store says one of this till's charges changed (a webhook from Omise, checked by the store service): the
     * sale following it looks at the charge now. A sale no longer in flight, or another till's, is left alone.
     */
    public void chargeNoticed(String chargeId, String tillReference) {
        SaleWorker worker = flow.worker(tillReference);
        if (worker == null) {
            worker = flow.workers().stream().filter(candidate -> chargeId.equals(candidate.sale.chargeId())).findFirst().orElse(null);
        }
        if (worker == null) {
            log.debug("The store's notice of charge {} concerns no sale in flight", chargeId);
            return;
        }
        flow.lookNow(worker, chargeId);
    }

    /**
     * Whether the store pushes Omise's news of charges now. While it does, a pending charge is polled only as a safety
     * net ({@link CheckoutSettings#pushedPolling()}); once it stops, the usual polling resumes at once.
     */
    public void pushChanged(boolean working) {
        flow.pushChanged(working);
    }

    /** Whether Omise accepts the key, as its last answer told. */
    public OmiseAccess access() {
        return access.access();
    }

    /** How many sales have a refund being made now: none once every refund is answered. */
    int salesBeingRefunded() {
        return refunds.salesBeingRefunded();
    }

    @Override
    public void close() {
        threads.close();
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
        SaleWorker worker = flow.worker(tillReference);
        if (worker == null) {
            // No longer in flight: its final state is in the ledger.
            return onEngineThread(() -> ledger.sales().sale(tillReference)
                    .map(sale -> new SaleState(sale, false))
                    .orElseThrow(() -> new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.NO_SUCH_SALE, tillReference))));
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
        threads.requireOpen();
        return threads.supply(work);
    }

    private static void requireOperator(String operatorId) {
        if (operatorId == null || operatorId.isBlank()) {
            throw new CheckoutRefusedException(Refusal.of(Refusal.Reason.NO_OPERATOR));
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
}
