package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.omise.Charge;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the till looks at again by itself: at start, the sales an earlier run left unfinished; at every sweep, a key
 * Omise refused, charges Omise did not know, refunds whose answer was lost, charges that turned up late for sales
 * settled as never charged, and charges of this till whose sale the ledger lacks.
 */
final class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final Ledger ledger;
    private final OmiseClient client;
    private final CheckoutSettings settings;
    private final AccessWatch access;
    private final ChargeSearch search;
    private final SaleFlow flow;
    private final Refunds refunds;
    /** How far Omise's charges were looked through for ones this till made that the ledger lacks; under its own lock. */
    private Instant orphansSoughtUntil;
    // Not the engine's monitor: a scan taken on the FX thread must never wait behind this search's requests.
    private final ReentrantLock orphanSearch = new ReentrantLock();

    Sweeps(Ledger ledger, OmiseClient client, CheckoutSettings settings, AccessWatch access, ChargeSearch search, SaleFlow flow,
           Refunds refunds) {
        this.ledger = ledger;
        this.client = client;
        this.settings = settings;
        this.access = access;
        this.search = search;
        this.flow = flow;
        this.refunds = refunds;
    }

    /** Resumes the sales an earlier run left unfinished; their references. */
    List<String> recoverUnfinishedSales() {
        List<String> resumed = new ArrayList<>();
        for (Sale sale : ledger.sales().unfinishedSales()) {
            if (!isOurs(sale) || sale.needsAttention()) {
                continue;
            }
            SaleWorker worker = flow.follow(sale);
            if (worker != null) {
                resumed.add(sale.tillReference());
                worker.submit(() -> flow.resume(worker));
            }
        }
        if (!resumed.isEmpty()) {
            log.warn("Resumed {} sale(s) left unfinished by the last run: {}", resumed.size(), resumed);
        }
        return List.copyOf(resumed);
    }

    void sweep() {
        askWhetherTheKeyIsAcceptedAgain();
        lookAgainAtUnknownCharges();
        refunds.settleUnanswered();
        // Omise out of reach is no reason to stop: each look is tried again at the next sweep.
        try {
            findLateCharges();
            adoptOrphanedCharges();
        } catch (OmiseException e) {
            access.heard(e);
            log.warn("Could not look through Omise's charges for late or lost ones; again at the next check: {}", e.getMessage());
        }
    }

    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("The periodic check of refunds and late charges failed: {}", e.getMessage());
        }
    }

    /** Each till's engine follows its own sales only, though several may share a ledger. */
    private boolean isOurs(Sale sale) {
        return settings.tillId().equals(sale.tillId());
    }

    /** A key Omise refused may have been a passing fault of Omise's: asked again at every sweep while it lasts. */
    private void askWhetherTheKeyIsAcceptedAgain() {
        if (access.access() != OmiseAccess.KEY_REFUSED) {
            return;
        }
        try {
            client.listCharges(ListRequest.firstPage().withLimit(1));
            access.heardAnswer();
        } catch (OmiseException e) {
            access.heard(e);
        }
    }

    /** Sales whose charge Omise did not know are asked about again, slowly; one Omise knows now is followed again. */
    private void lookAgainAtUnknownCharges() {
        for (Sale sale : ledger.sales().salesNeedingAttention()) {
            if (!isOurs(sale) || flow.isFollowing(sale.tillReference())) {
                continue;
            }
            Charge charge;
            try {
                // A sale whose first answer did not fit it has no charge id of its own: it is searched for instead.
                charge = sale.chargeId() != null ? client.retrieveCharge(sale.chargeId()) : search.chargeOf(sale).orElse(null);
                access.heardAnswer();
                if (charge == null) {
                    continue;
                }
            } catch (OmiseException e) {
                access.heard(e);
                log.info("Charge {} of sale {} still unknown: {}", sale.chargeId(), sale.tillReference(), e.getMessage());
                continue;
            }
            SaleWorker worker = flow.follow(sale);
            if (worker != null) {
                log.warn("Omise knows charge {} of sale {} now; following it again", sale.chargeId(), sale.tillReference());
                worker.submit(() -> flow.applyCharge(worker, charge, EventKind.STATUS_SEEN, null));
            }
        }
    }

    /** A charge found for a sale settled as never charged: followed, expired while pending, and flagged for refund if paid. */
    private void findLateCharges() {
        List<Sale> settled = ledger.sales().settledAsNotCreatedSince(now().minus(settings.lateChargeWindow())).stream()
                .filter(sale -> isOurs(sale) && sale.chargeId() == null && !flow.isFollowing(sale.tillReference()))
                .toList();
        if (settled.isEmpty()) {
            return;
        }
        Map<String, Sale> byReference = settled.stream().collect(Collectors.toMap(Sale::tillReference, Function.identity()));
        for (Charge charge : search.chargesOf(settled)) {
            SaleWorker worker = flow.follow(byReference.get(charge.tillReference()));
            if (worker != null) {
                log.warn("A charge turned up late for sale {}", worker.reference);
                worker.submit(() -> flow.closeTheLoop(worker, charge, EventKind.LATE_CHARGE_FOUND,
                        "the sale was settled as not charged"));
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
            Instant from = orphansSoughtUntil == null ? until.minus(settings.lateChargeWindow()) : orphansSoughtUntil;
            List<Charge> orphans = search.chargesOfThisTill(from, until).stream()
                    .filter(charge -> ledger.sales().sale(charge.tillReference()).isEmpty())
                    .toList();
            access.heardAnswer();
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
        SaleWorker worker = flow.follow(sale);
        if (worker != null) {
            // Nobody at the till is waiting for it: a pending one is expired, as for a charge that turned up late.
            worker.submit(() -> flow.closeTheLoop(worker, charge, EventKind.STATUS_SEEN, "the sale was lost by the till"));
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
