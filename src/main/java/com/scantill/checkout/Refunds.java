package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.EventKind;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.UpmRules;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.omise.ListOrder;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseApiException;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import com.scantill.omise.Refund;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds of paid sales: each written before its request leaves, never more than the sale's amount in all, and one
 * whose answer was lost settled by looking for it at Omise. One refund of a sale at a time.
 */
final class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final Ledger ledger;
    private final OmiseClient client;
    private final CheckoutSettings settings;
    private final Staff staff;
    private final AccessWatch access;
    private final Consumer<SaleState> changed;
    /** The sales being refunded now, each with how many are waiting for it; a sale leaves when nobody is. */
    private final Map<String, SaleLock> locks = new HashMap<>();

    Refunds(Ledger ledger, OmiseClient client, CheckoutSettings settings, Staff staff, AccessWatch access,
            Consumer<SaleState> changed) {
        this.ledger = ledger;
        this.client = client;
        this.settings = settings;
        this.staff = staff;
        this.access = access;
        this.changed = changed;
    }

    RefundRecord refund(String tillReference, long amount, String operatorId, Approval approval) {
        return withSaleLock(tillReference, () -> makeRefund(tillReference, amount, operatorId, approval));
    }

    /** Refunds whose answer was lost are looked for by their reference once nothing can still be on its way. */
    void settleUnanswered() {
        for (RefundRecord refund : ledger.sales().unsettledRefunds()) {
            try {
                settleUnanswered(refund);
            } catch (OmiseException e) {
                log.warn("Could not settle refund {}: {}", refund.refundReference(), e.getMessage());
            }
        }
    }

    /** How many sales have a refund being made or waited for now. */
    int salesBeingRefunded() {
        synchronized (locks) {
            return locks.size();
        }
    }

    private RefundRecord makeRefund(String tillReference, long amount, String operatorId, Approval approval) {
        if (!staff.mayWork(operatorId)) {
            throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.OPERATOR_MAY_NOT_WORK, tillReference, operatorId));
        }
        Sale sale = ledger.sales().sale(tillReference)
                .orElseThrow(() -> new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.NO_SUCH_SALE, tillReference)));
        if (sale.status() != SaleStatus.SUCCESSFUL) {
            throw new CheckoutRefusedException(Refusal.notPaid(tillReference, sale.status()));
        }
        if (amount <= 0) {
            throw new CheckoutRefusedException(Refusal.ofAmount(Refusal.Reason.REFUND_NOT_POSITIVE, tillReference, amount));
        }
        List<RefundRecord> earlier = ledger.sales().refunds(tillReference);
        if (earlier.stream().anyMatch(refund -> refund.status() == RefundStatus.REQUESTED)) {
            throw new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.EARLIER_REFUND_UNANSWERED, tillReference));
        }
        if (amount > sale.refundableAmount()) {
            throw new CheckoutRefusedException(Refusal.moreThanRefundable(tillReference, amount, sale.refundableAmount()));
        }
        Instant now = now();
        if (now.isAfter(sale.createdAt().plus(UpmRules.REFUND_WINDOW))) {
            throw new CheckoutRefusedException(Refusal.ofSale(Refusal.Reason.REFUND_WINDOW_PASSED, tillReference));
        }
        ApprovalRequest request = new ApprovalRequest(ApprovalRequest.Action.REFUND, tillReference, amount);
        String approvedBy = staff.spend(approval, request).orElseThrow(() -> new ApprovalRefusedException(request));
        RefundRecord record = new RefundRecord(tillReference + "-R" + (earlier.size() + 1), tillReference, amount,
                RefundStatus.REQUESTED, null, operatorId, approvedBy, null, now, null);
        ledger.sales().insertRefund(record, SaleEvent.of(EventKind.REFUND_REQUESTED, sale, operatorId, amount,
                record.refundReference() + " approved by " + approvedBy, now));
        // A refund forgotten by a power cut could be made twice: the record is on the disk before the request leaves.
        ledger.forceToDisk();
        try {
            Refund refund = client.createRefund(sale.chargeId(), new CreateRefundRequest(amount, record.refundReference()));
            return settleMade(record, sale, refund.id(), "refund " + refund.id());
        } catch (OmiseApiException refused) {
            access.heard(refused);
            ledger.sales().settleRefund(record.failed(refused.code(), now()), sale, SaleEvent.of(EventKind.REFUND_FAILED, sale,
                    operatorId, amount, refused.getMessage(), now()));
            throw new CheckoutRefusedException(Refusal.withDetail(Refusal.Reason.REFUND_REFUSED_BY_OMISE, tillReference,
                    refused.code() == null ? refused.getMessage() : refused.apiMessage()), refused);
        } catch (OmiseException unknown) {
            ledger.sales().note(SaleEvent.of(EventKind.REFUND_OUTCOME_UNKNOWN, sale, operatorId, amount, unknown.getMessage(), now()));
            throw new CheckoutRefusedException(Refusal.ofAmount(Refusal.Reason.REFUND_OUTCOME_UNKNOWN, tillReference, amount),
                    unknown);
        }
    }

    private RefundRecord settleMade(RefundRecord record, Sale sale, String refundId, String detail) {
        long refunded = sale.refundedAmount() + record.amount();
        Sale after = sale.toBuilder().refundedAmount(refunded).refundOwed(sale.refundOwed() && refunded < sale.amount()).build();
        RefundRecord done = record.done(refundId, now());
        Sale written = ledger.sales().settleRefund(done, after, SaleEvent.of(EventKind.REFUNDED, after, record.operatorId(),
                record.amount(), detail, now()));
        changed.accept(new SaleState(written, false));
        return done;
    }

    private void settleUnanswered(RefundRecord record) {
        Duration settleAfter = settings.reconciliation().interval().multipliedBy(settings.reconciliation().lookups());
        if (Duration.between(record.requestedAt(), now()).compareTo(settleAfter) < 0) {
            return;
        }
        withSaleLock(record.tillReference(), () -> {
            Sale sale = ledger.sales().sale(record.tillReference()).orElseThrow();
            Optional<Refund> made = client.listRefunds(sale.chargeId(), ListRequest.firstPage()
                            .withLimit(ListRequest.MAX_LIMIT).ordered(ListOrder.REVERSE_CHRONOLOGICAL)).data().stream()
                    .filter(refund -> record.refundReference().equals(refund.tillReference()))
                    .findFirst();
            if (made.isPresent()) {
                return settleMade(record, sale, made.get().id(), "refund " + made.get().id() + " found after its answer was lost");
            }
            ledger.sales().settleRefund(record.failed("not_made", now()), sale, SaleEvent.of(EventKind.REFUND_FAILED, sale, null,
                    record.amount(), "no refund " + record.refundReference() + " was made", now()));
            return record;
        });
    }

    private <T> T withSaleLock(String tillReference, Supplier<T> work) {
        SaleLock held;
        synchronized (locks) {
            held = locks.computeIfAbsent(tillReference, reference -> new SaleLock());
            held.users++;
        }
        held.lock.lock();
        try {
            return work.get();
        } finally {
            held.lock.unlock();
            synchronized (locks) {
                if (--held.users == 0) {
                    locks.remove(tillReference);
                }
            }
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }

    private static final class SaleLock {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }
}
