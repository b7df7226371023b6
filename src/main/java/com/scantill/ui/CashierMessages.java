package com.scantill.ui;

import com.scantill.checkout.ExpireFailedException;
import com.scantill.model.Money;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the cashier is told of a sale, in words that say what to do next. */
final class CashierMessages {

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
