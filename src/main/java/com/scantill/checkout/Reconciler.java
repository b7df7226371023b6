package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.DifferenceKind;
import com.scantill.model.EventKind;
import com.scantill.model.Money;
import com.scantill.model.PaymentCode;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.ApiFailure;
import com.scantill.omise.Charge;
import com.scantill.omise.ListOrder;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import com.scantill.omise.Refund;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a business day of the ledger against Omise: lists the day's charges (all pages), matches them to the sales by
 * the till reference in their metadata, and compares state, amounts and refunds. Each check and its differences are
 * kept in the ledger; the ledger itself never changes unless a supervisor accepts Omise's state for a difference.
 */
public final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final Ledger ledger;
    private final OmiseClient client;
    private final String homeTillId;
    private final Staff staff;
    private final Clock clock;
    private final Duration clockMargin;

    /**
     * @param homeTillId  the till this runs on: its charges count when checking every till, even if the ledger lost all
     *                    of its sales of the day
     * @param clockMargin how far the till's and Omise's clocks may differ: the day's charges are listed that much wider
     */
    public Reconciler(Ledger ledger, OmiseClient client, String homeTillId, Staff staff, Clock clock, Duration clockMargin) {
        this.ledger = ledger;
        this.client = client;
        this.homeTillId = homeTillId;
        this.staff = staff;
        this.clock = clock;
        this.clockMargin = clockMargin;
    }

    /**
     * Checks the day (in {@code zone}) for one till, or every till when {@code tillId} is {@code null}, and keeps the
     * result. Calls Omise: never on the FX thread.
     *
     * @throws OmiseException when Omise cannot be asked; nothing is kept then
     */
    public ReconciliationRun check(LocalDate day, ZoneId zone, String tillId, String checkedBy) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        // Charges of tills that are not this ledger's (other shops on the same Omise account) are not this check's.
        Set<String> tills = new HashSet<>(tillId == null ? ledger.reports().tillIds() : List.of(tillId));
        if (tillId == null) {
            tills.add(homeTillId);
        }
        AtomicInteger requests = new AtomicInteger();
        Map<String, Charge> charges = new HashMap<>();
        client.streamChargePages(new ListRequest(from.minus(clockMargin), to.plus(clockMargin), 0, ListRequest.MAX_LIMIT,
                        ListOrder.CHRONOLOGICAL))
                .peek(page -> requests.incrementAndGet())
                .flatMap(page -> page.data().stream())
                .filter(charge -> charge.tillReference() != null && tills.contains(charge.metadata().get(CheckoutEngine.TILL_ID_KEY)))
                .forEach(charge -> charges.put(charge.tillReference(), charge));
        List<Sale> sales = ledger.sales().salesCreatedBetween(from, to).stream()
                .filter(sale -> tillId == null || tillId.equals(sale.tillId())).toList();
        List<ReconciliationDifference> differences = new ArrayList<>();
        Set<String> differing = new LinkedHashSet<>();
        int agreeing = 0;
        for (Sale sale : sales) {
            Charge charge = charges.remove(sale.tillReference());
            if (sale.chargeId() != null && (charge == null || !sale.chargeId().equals(charge.id()))) {
                // Made just outside the listed time, or unknown to Omise: asked for by its id.
                charge = retrieve(sale.chargeId(), requests).orElse(null);
                if (charge == null) {
                    differences.add(difference(DifferenceKind.MISSING_AT_OMISE, sale.tillReference(), sale.chargeId(),
                            sale.amount(), describe(sale), ""));
                    differing.add(sale.tillReference());
                    continue;
                }
            }
            List<ReconciliationDifference> found = compare(sale, charge);
            if (found.isEmpty()) {
                agreeing++;
            } else {
                differences.addAll(found);
                differing.add(sale.tillReference());
            }
        }
        for (Charge charge : charges.values()) {
            boolean ofTheDay = charge.createdAt() == null || !charge.createdAt().isBefore(from) && charge.createdAt().isBefore(to);
            if (ofTheDay && ledger.sales().sale(charge.tillReference()).isEmpty()) {
                differences.add(difference(DifferenceKind.MISSING_IN_LEDGER, charge.tillReference(), charge.id(),
                        charge.amount(), "", describe(charge)));
                differing.add(charge.tillReference());
            }
        }
        ReconciliationRun run = ledger.reconciliations().save(new ReconciliationRun(0, day, zone, tillId, clock.instant(), checkedBy, agreeing,
                differing.size(), requests.get()), differences);
        log.info("Checked {} ({}) against Omise: {} agree, {} differ, {} requests", day, tillId == null ? "all tills" : tillId,
                run.agreeing(), run.differing(), run.requests());
        return run;
    }

    /**
     * A supervisor accepts Omise's state for a difference, with their approval of exactly that (spent here): the sale
     * is written as Omise has it, with an event naming them; a charge the ledger lacked becomes a sale recovered from
     * Omise; refunds made outside the till are taken in as refunds of their own.
     *
     * @throws ApprovalRefusedException without a valid approval; nothing is written
     * @throws CheckoutRefusedException when the difference is settled already, or Omise's state cannot be taken in
     *                                  (Omise knows no such charge, or its amount is not the sale's)
     * @throws OmiseException           when Omise cannot be asked; nothing is written
     */
    public Sale acceptOmiseState(long differenceId, Approval approval) {
        Objects.requireNonNull(approval, "approval");
        ReconciliationDifference difference = ledger.reconciliations().difference(differenceId)
                .orElseThrow(() -> new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.NO_SUCH_DIFFERENCE, null,
                        String.valueOf(differenceId))));
        if (difference.settled()) {
            throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.DIFFERENCE_SETTLED, difference.tillReference(),
                    difference.settledBy()));
        }
        if (difference.kind() == DifferenceKind.MISSING_AT_OMISE) {
            throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.NO_CHARGE_AT_OMISE, difference.tillReference(),
                    difference.chargeId()));
        }
        Charge charge = Optional.ofNullable(difference.chargeId()).flatMap(id -> retrieve(id, new AtomicInteger()))
                .orElseThrow(() -> new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.NO_CHARGE_AT_OMISE,
                        difference.tillReference(), difference.chargeId())));
        Optional<Sale> sale = ledger.sales().sale(difference.tillReference());
        ApprovalRequest request = new ApprovalRequest(ApprovalRequest.Action.ACCEPT_OMISE_STATE, difference.tillReference(),
                difference.amount());
        String supervisorId = staff.spend(approval, request).orElseThrow(() -> new ApprovalRefusedException(request));
        Sale accepted = sale.isEmpty() ? takeIn(charge, supervisorId) : takeOver(sale.get(), charge, supervisorId);
        ledger.reconciliations().settle(differenceId, supervisorId, clock.instant());
        return accepted;
    }

    private Sale takeIn(Charge charge, String supervisorId) {
        Sale sale = SaleFromCharge.merged(SaleFromCharge.recovered(charge,
                charge.metadata().getOrDefault(CheckoutEngine.TILL_ID_KEY, "unknown"), clock.instant()), charge, clock.instant());
        ledger.sales().insert(sale, SaleEvent.of(EventKind.OMISE_STATE_ACCEPTED, sale, supervisorId, sale.amount(), "charge "
                + charge.id() + " found at Omise by the end-of-day check; the ledger had no record of the sale",
                clock.instant()), SaleFromCharge.paymentCode(charge).map(PaymentCode::digits).orElse(null));
        return sale;
    }

    private Sale takeOver(Sale sale, Charge charge, String supervisorId) {
        Optional<String> mismatch = SaleFromCharge.mismatch(sale, charge);
        if (mismatch.isPresent()) {
            throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.CHARGE_NOT_THE_SALES, sale.tillReference(),
                    mismatch.get()));
        }
        Sale current = takeInExternalRefunds(sale, charge, supervisorId);
        Sale after = SaleFromCharge.merged(current, charge, clock.instant());
        return ledger.sales().update(after, SaleEvent.of(EventKind.OMISE_STATE_ACCEPTED, after, supervisorId, null,
                "was " + describe(sale) + "; Omise has " + describe(charge), clock.instant()));
    }

    /** Refunds Omise made of the charge that the ledger lacks, each written as a refund of its own. */
    private Sale takeInExternalRefunds(Sale sale, Charge charge, String supervisorId) {
        if (charge.refundedAmount() <= sale.refundedAmount()) {
            return sale;
        }
        Set<String> known = ledger.sales().refunds(sale.tillReference()).stream().map(RefundRecord::refundId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        List<Refund> made = client.streamRefunds(charge.id()).filter(refund -> !known.contains(refund.id())).toList();
        Sale current = sale;
        for (Refund refund : made) {
            Instant at = refund.createdAt() != null ? refund.createdAt() : clock.instant();
            RefundRecord record = new RefundRecord(sale.tillReference() + "-" + refund.id(), sale.tillReference(),
                    refund.amount(), RefundStatus.DONE, refund.id(), "omise", supervisorId, null, at, at);
            long refunded = Math.min(current.amount(), current.refundedAmount() + refund.amount());
            Sale after = current.toBuilder().refundedAmount(refunded)
                    .refundOwed(current.refundOwed() && refunded < current.amount()).build();
            current = ledger.sales().insertSettledRefund(record, after, SaleEvent.of(EventKind.EXTERNAL_REFUND, after, supervisorId,
                    refund.amount(), "refund " + refund.id() + " made outside the till, taken in", clock.instant()));
        }
        return current;
    }

    private List<ReconciliationDifference> compare(Sale sale, Charge charge) {
        List<ReconciliationDifference> found = new ArrayList<>();
        String reference = sale.tillReference();
        if (charge == null) {
            if (sale.status() == SaleStatus.SUCCESSFUL || sale.status() == SaleStatus.REVERSED) {
                found.add(difference(DifferenceKind.MISSING_AT_OMISE, reference, null, sale.amount(), describe(sale), ""));
            }
            return found;
        }
        SaleStatus atOmise = SaleFromCharge.merged(sale, charge, clock.instant()).status();
        if (atOmise != sale.status()) {
            found.add(difference(DifferenceKind.STATUS, reference, charge.id(), charge.amount(), sale.status().name(), atOmise.name()));
        }
        String amountsHere = amounts(sale.amount(), sale.fee(), sale.feeVat(), sale.net());
        String amountsThere = amounts(charge.amount(), charge.fee(), charge.feeVat(), charge.net());
        boolean feesKnown = sale.fee() != null || charge.fee() != 0;
        if (charge.amount() != sale.amount() || feesKnown && !amountsHere.equals(amountsThere)) {
            found.add(difference(DifferenceKind.AMOUNTS, reference, charge.id(), charge.amount(), amountsHere, amountsThere));
        }
        if (charge.refundedAmount() != sale.refundedAmount()) {
            found.add(difference(DifferenceKind.REFUNDS, reference, charge.id(), charge.amount(), Money.format(sale.refundedAmount()),
                    Money.format(charge.refundedAmount())));
        }
        return found;
    }

    private Optional<Charge> retrieve(String chargeId, AtomicInteger requests) {
        try {
            requests.incrementAndGet();
            return Optional.of(client.retrieveCharge(chargeId));
        } catch (OmiseException e) {
            if (e.failure() == ApiFailure.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ReconciliationDifference difference(DifferenceKind kind, String tillReference, String chargeId, long amount,
                                         String inLedger, String atOmise) {
        return new ReconciliationDifference(0, 0, kind, tillReference, chargeId, amount, inLedger, atOmise, null, null);
    }

    /** A side of a difference as data, worded by whoever shows it: the status's name, then the amount. */
    private static String describe(Sale sale) {
        return sale.status().name() + " " + Money.format(sale.amount());
    }

    private static String describe(Charge charge) {
        return charge.status().name() + " " + Money.format(charge.amount());
    }

    /** Amount, fee, VAT on the fee and net, in that order; {@code -} for one not known. */
    private static String amounts(long amount, Long fee, Long feeVat, Long net) {
        return String.join(" / ", Money.format(amount), fee == null ? "-" : Money.format(fee),
                feeVat == null ? "-" : Money.format(feeVat), net == null ? "-" : Money.format(net));
    }
}
