package com.scantill.ui;

import com.scantill.ledger.Sale;

/** What the cashier is told when a payment does not go through, in words that say what to do next. */
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

    static String notCharged(Sale sale) {
        return "No charge was made" + (sale.failureMessage() == null ? "" : " (" + sale.failureMessage() + ")")
                + ". The customer was not charged: scan the payment code again.";
    }
}
