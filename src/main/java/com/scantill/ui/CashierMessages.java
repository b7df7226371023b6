package com.scantill.ui;

import com.scantill.checkout.CheckoutRefusedException;
import com.scantill.checkout.ExpireFailedException;
import com.scantill.checkout.PaymentCodeUsedException;
import com.scantill.checkout.Refusal;
import com.scantill.model.Money;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.WeChatPayUpm;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the operator is told of a sale and of what the till refused, in words that say what to do next. */
final class CashierMessages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CashierMessages() {
    }

    static String failure(Sale sale) {
        String code = sale.failureCode() == null ? "" : sale.failureCode();
        return switch (code) {
            case "insufficient_fund" -> "Insufficient funds in the customer's WeChat Pay. Ask for another payment method.";
            case "payment_rejected" -> "WeChat Pay declined the payment. Ask for another payment method.";
            case "invalid_account" -> "The customer's WeChat Pay account cannot pay here. Ask for another payment method.";
            case "payment_expired" -> "The payment code expired. Ask the customer to refresh the code in WeChat, then scan again.";
            case "failed_processing" -> "WeChat Pay could not process the payment. Scan a fresh code once more; "
                    + "if it fails again, ask for another payment method.";
            default -> "The payment failed" + (sale.failureMessage() == null ? "" : ": " + sale.failureMessage())
                    + ". Ask for another payment method.";
        };
    }

    static final String KEY_REFUSED = "Omise refused the secret key: a manager must fix it in Settings (F9), then restart "
            + "ScanTill. No sale can be taken until then.";

    static String notCharged(Sale sale) {
        if ("authentication_failure".equals(sale.failureCode())) {
            return "Omise refused the secret key; the customer was not charged. A manager must fix it in Settings (F9).";
        }
        return "No charge was made" + (sale.failureMessage() == null ? "" : " (" + sale.failureMessage() + ")")
                + ". The customer was not charged: scan the payment code again.";
    }

    /** A sale's state in one or two words, as the panel shows it. */
    static String status(SaleStatus status) {
        return switch (status) {
            case CREATED, CREATING -> "SENDING";
            case PENDING -> "WAITING";
            case UNKNOWN -> "CHECKING";
            case SUCCESSFUL -> "PAID";
            case FAILED -> "NOT PAID";
            case EXPIRED -> "EXPIRED";
            case REVERSED -> "REVERSED";
            case NOT_CREATED -> "NOT CHARGED";
        };
    }

    /** What the amount field says of what was keyed: how to go on, or what is wrong with it. */
    static String amount(Long keyed) {
        String limits = Money.format(WeChatPayUpm.MIN_AMOUNT_SATANG) + " to " + Money.format(WeChatPayUpm.MAX_AMOUNT_SATANG);
        if (keyed == null) {
            return "Key the amount: " + limits + ".";
        }
        if (keyed < WeChatPayUpm.MIN_AMOUNT_SATANG) {
            return "The least WeChat Pay takes is " + Money.format(WeChatPayUpm.MIN_AMOUNT_SATANG) + ".";
        }
        if (keyed > WeChatPayUpm.MAX_AMOUNT_SATANG) {
            return "The most WeChat Pay takes is " + Money.format(WeChatPayUpm.MAX_AMOUNT_SATANG) + ".";
        }
        return "Scan the customer's payment code.";
    }

    /** The panel's title for a sale, its state and amount in a glance. */
    static String panelTitle(Sale sale) {
        String shown = Money.format(sale.amount());
        if (sale.needsAttention() && !sale.status().isFinal()) {
            return "NEEDS ATTENTION " + shown;
        }
        return switch (sale.status()) {
            case CREATED, CREATING -> "Sending " + shown + "…";
            case PENDING -> "WAITING " + shown;
            case UNKNOWN -> "CHECKING… " + shown;
            case SUCCESSFUL -> "PAID " + shown;
            case FAILED -> "NOT PAID " + shown;
            case EXPIRED -> "EXPIRED — NOT PAID " + shown;
            case REVERSED -> "REVERSED " + shown;
            case NOT_CREATED -> "NOT CHARGED " + shown;
        };
    }

    /** The panel's words under the title: what happened and what the cashier does next. */
    static String panelDetail(Sale sale, boolean expiryOffered, ZoneId zone) {
        if (sale.needsAttention() && !sale.status().isFinal()) {
            return needsAttention(sale);
        }
        return switch (sale.status()) {
            case CREATED, CREATING -> "Payment code " + sale.paymentCodeMasked();
            case PENDING -> expiryOffered
                    ? "Still not confirmed. A supervisor can expire the charge (F4); or stop waiting (F3) and the till keeps "
                    + "checking it."
                    : "Waiting for the customer to confirm the payment in WeChat.";
            case UNKNOWN -> "The answer from Omise was lost. Checking whether the charge was made; do not scan again yet.";
            case SUCCESSFUL -> "Charge " + sale.chargeId() + " at " + TIME.withZone(zone).format(sale.paidAt() == null
                    ? sale.finishedAt() : sale.paidAt()) + (sale.refundOwed() ? ". " + refundOwed(sale) : "");
            case FAILED -> failure(sale);
            case EXPIRED -> "The charge was cancelled; the customer was not charged. Ask for another payment method, or for a "
                    + "fresh code and scan again.";
            case REVERSED -> "The payment was reversed; the customer was not charged.";
            case NOT_CREATED -> notCharged(sale);
        };
    }

    /** A sale paid after the till had given up on it: the one sentence the panel, the list and the details all use. */
    static String refundOwed(Sale sale) {
        return "REFUND OWED: sale " + sale.tillReference() + " was paid (" + Money.format(sale.amount()) + ") after it was "
                + (sale.expireRequested() ? "expired" : sale.abandoned() ? "abandoned" : "settled as not charged")
                + ". Refund the customer " + Money.format(sale.refundableAmount()) + ": select the sale in the list, then F6.";
    }

    /** A sale's line in the transaction list; the code's last digits come first, so that they always show. */
    static String listLine(Sale sale, ZoneId zone) {
        String code = sale.paymentCodeMasked();
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(sale.createdAt()) + "  …"
                + code.substring(code.length() - 4) + "  " + Money.format(sale.amount()) + "  " + status(sale.status())
                + (sale.needsAttention() && !sale.status().isFinal() ? " · NEEDS ATTENTION" : "")
                + (sale.recoveredFromOmise() ? " · RECOVERED FROM OMISE" : "")
                + (sale.refundOwed() && sale.refundableAmount() > 0 ? " · REFUND OWED" : "")
                + (sale.refundedAmount() > 0 ? "  refunded " + Money.format(sale.refundedAmount()) : "");
    }

    /** A sale in full for the details pane: its facts, refunds and history. */
    static String details(Sale sale, List<RefundRecord> refunds, List<SaleEvent> events, ZoneId zone) {
        DateTimeFormatter time = TIME.withZone(zone);
        StringBuilder text = new StringBuilder();
        text.append("Sale ").append(sale.tillReference()).append('\n')
                .append(Money.format(sale.amount())).append(" · ").append(status(sale.status())).append('\n')
                .append("Payment code ").append(sale.paymentCodeMasked()).append('\n')
                .append("Charge ").append(sale.chargeId() == null ? "none" : sale.chargeId()).append('\n')
                .append("Cashier ").append(sale.operatorId()).append(" · ").append(time.format(sale.createdAt()));
        if (sale.refundOwed() && sale.refundableAmount() > 0) {
            text.append('\n').append(refundOwed(sale));
        }
        if (sale.failureCode() != null) {
            text.append('\n').append("Failure ").append(sale.failureCode());
        }
        if (sale.refundedAmount() > 0) {
            text.append('\n').append("Refunded ").append(Money.format(sale.refundedAmount()));
        }
        for (RefundRecord refund : refunds) {
            text.append('\n').append("  refund ").append(Money.format(refund.amount())).append(' ')
                    .append(refund.status()).append(" approved by ").append(refund.approvedBy());
        }
        text.append('\n').append("History:");
        for (SaleEvent event : events) {
            text.append('\n').append("  ").append(time.format(event.occurredAt())).append(' ')
                    .append(event.kind()).append(event.operatorId() == null ? "" : " by " + event.operatorId());
        }
        return text.toString();
    }

    /** The sales an earlier run left unfinished, as they stand now. */
    static String recovered(List<Sale> sales) {
        StringBuilder text = new StringBuilder("Recovered after restart: ");
        for (int i = 0; i < sales.size(); i++) {
            Sale sale = sales.get(i);
            text.append(i == 0 ? "" : "; ").append(Money.format(sale.amount())).append(' ').append(status(sale.status()))
                    .append(sale.chargeId() == null ? "" : ", charge " + sale.chargeId())
                    .append(" (sale ").append(sale.tillReference()).append(')');
        }
        return text.append('.').toString();
    }

    /** A payment code scanned again after it was sent to Omise for {@code earlier}. */
    static String codeUsed(Sale earlier, ZoneId zone) {
        String which = "(sale " + earlier.tillReference() + ", " + status(earlier.status()) + " " + Money.format(earlier.amount())
                + " at " + DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(earlier.createdAt()) + ")";
        return earlier.status().isFinal()
                ? "This payment code was already used " + which + ". Ask the customer to refresh the code. Nothing was sent."
                : "This payment code is already being charged " + which + ". Wait for that sale to finish. Nothing was sent.";
    }

    /** Omise does not know the sale's charge, or answered with one that is not the sale's: what to do. */
    static String needsAttention(Sale sale) {
        return "The till cannot confirm charge " + (sale.chargeId() == null ? "" : sale.chargeId() + " ")
                + "with Omise (the sale's history says why). Do not treat the sale as paid: a supervisor checks the "
                + "customer's WeChat and the Omise dashboard before the customer leaves. The till keeps checking it.";
    }

    /** What went wrong, for the operator: a refusal in words, anything else as the failure it is. */
    static String of(Throwable failure, ZoneId zone) {
        if (failure instanceof PaymentCodeUsedException used) {
            return codeUsed(used.earlier(), zone);
        }
        if (failure instanceof ExpireFailedException failed) {
            return expireFailed(failed);
        }
        if (failure instanceof CheckoutRefusedException refused) {
            return refusal(refused.refusal());
        }
        return failure.getMessage();
    }

    static String refusal(Refusal refusal) {
        String sale = "sale " + refusal.tillReference();
        String amount = Money.format(refusal.amount());
        return switch (refusal.reason()) {
            case NO_OPERATOR -> "An operator must be signed in.";
            case OPERATOR_MAY_NOT_WORK -> "Operator " + refusal.detail() + " may not work on this till. Nothing was sent.";
            case AMOUNT_OUT_OF_LIMITS -> "The amount " + amount + " is outside the WeChat Pay limits of "
                    + Money.format(WeChatPayUpm.MIN_AMOUNT_SATANG) + " to " + Money.format(WeChatPayUpm.MAX_AMOUNT_SATANG)
                    + ". Nothing was sent.";
            case EARLIER_SALE_UNSETTLED -> "Still finding out whether " + sale + " was charged. Scan again once it is settled.";
            case KEY_REFUSED -> KEY_REFUSED + " Nothing was sent.";
            case PAYMENT_CODE_USED -> "This payment code was already used (" + sale + "). Ask the customer to refresh the "
                    + "code. Nothing was sent.";
            case NO_SUCH_SALE -> "There is no " + sale + ".";
            case NO_CHARGE_YET -> "Sale " + refusal.tillReference() + " has no charge yet to expire; wait until it is known.";
            case NOT_WAITING_FOR_REVIEW -> "Sale " + refusal.tillReference() + " is not waiting for a review.";
            case STILL_FOLLOWED -> "Sale " + refusal.tillReference() + " is still being followed; review it once it is final.";
            case NOT_PAID -> "Only a paid sale can be refunded; " + sale + " is " + status(refusal.status()) + ".";
            case REFUND_NOT_POSITIVE -> "A refund must be more than " + Money.format(0) + ".";
            case EARLIER_REFUND_UNANSWERED -> "An earlier refund of " + sale + " is still waiting for Omise's answer; try "
                    + "again in a few minutes.";
            case MORE_THAN_REFUNDABLE -> "Only " + Money.format(refusal.available()) + " of " + sale + " is left to refund, not "
                    + amount + ".";
            case REFUND_WINDOW_PASSED -> "Sale " + refusal.tillReference() + " is more than 90 days old; WeChat Pay charges can "
                    + "only be refunded within 90 days.";
            case REFUND_REFUSED_BY_OMISE -> "Omise refused the refund: " + refusal.detail();
            case REFUND_OUTCOME_UNKNOWN -> "Omise did not answer about the refund of " + amount + ". The till will find out "
                    + "whether it was made; do not refund again until it has.";
            case NO_APPROVAL -> "The supervisor's approval was not for this, or was used already. Nothing was done; ask again.";
            case EXPIRE_FAILED -> "Sale " + refusal.tillReference() + " was not expired. The till keeps checking the charge.";
            case NO_SUCH_DIFFERENCE -> "There is no difference " + refusal.detail() + ".";
            case DIFFERENCE_SETTLED -> "That difference was settled by " + refusal.detail() + " already.";
            case NO_CHARGE_AT_OMISE -> "Omise has no charge " + refusal.detail() + " to take its state from: look the sale "
                    + "up in Omise's dashboard.";
            case CHARGE_NOT_THE_SALES -> "Omise's charge does not belong to " + sale + " (" + refusal.detail() + "): the till "
                    + "will not take it in; a supervisor must look into it.";
        };
    }

    static String expireFailed(ExpireFailedException failed) {
        String sale = "sale " + failed.sale().tillReference();
        return switch (failed.reason()) {
            case UNREACHABLE -> "Could not reach Omise to expire " + sale + ". The till keeps checking the charge; try again (F4).";
            case STILL_PENDING -> "Omise did not expire " + sale + "; its charge is still waiting. Try again (F4).";
            case UNKNOWN_CHARGE -> "Omise does not know the charge of " + sale + ". It is marked NEEDS ATTENTION: a supervisor "
                    + "checks the customer's WeChat and the Omise dashboard.";
            case UNTRUSTED_ANSWER -> "Omise's answer about " + sale + " does not match the sale. It is marked NEEDS ATTENTION: "
                    + "a supervisor checks the customer's WeChat and the Omise dashboard.";
            case KEY_REFUSED -> "Omise refused the secret key, so " + sale + " was not expired. " + KEY_REFUSED;
        };
    }
}
