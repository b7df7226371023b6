package com.scantill.omise;

import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.model.UpmRules;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A User-Presented Mode charge to create, of the payment code's method. Checked when built, so an invalid request
 * can never be sent.
 *
 * @param tillReference the till's own reference for the sale, sent in {@code metadata} so that a charge
 *                      whose creation answer was lost can be found again
 */
public record CreateChargeRequest(
        long amount,
        String currency,
        PaymentCode paymentCode,
        String tillReference,
        String description,
        Map<String, String> metadata) {

    public static final String TILL_REFERENCE_KEY = "till_reference";
    /** The metadata key naming the till that made the charge, so that the shop's store can tell which till to tell. */
    public static final String TILL_ID_KEY = "till_id";

    public CreateChargeRequest {
        if (!UpmRules.isWithinLimits(amount)) {
            throw new InvalidRequestException("amount", UpmRules.limitsMessage(amount));
        }
        if (!UpmRules.CURRENCY.equals(currency)) {
            throw new InvalidRequestException("currency", "User-Presented Mode charges are in THB only, not " + currency + ".");
        }
        if (paymentCode == null) {
            throw new InvalidRequestException("source[barcode]", "A charge needs the customer's payment code.");
        }
        TillReference.requireValid("till_reference", tillReference);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (metadata.containsKey(TILL_REFERENCE_KEY)) {
            throw new InvalidRequestException("metadata", "metadata[" + TILL_REFERENCE_KEY + "] is set from the till reference.");
        }
    }

    public static CreateChargeRequest of(long amount, PaymentCode paymentCode, String tillReference) {
        return new CreateChargeRequest(amount, UpmRules.CURRENCY, paymentCode, tillReference, null, Map.of());
    }

    /** The method the charge is made with: the payment code's. */
    public PaymentMethod method() {
        return paymentCode.method();
    }

    public CreateChargeRequest withDescription(String newDescription) {
        return new CreateChargeRequest(amount, currency, paymentCode, tillReference, newDescription, metadata);
    }

    public CreateChargeRequest withMetadata(Map<String, String> newMetadata) {
        return new CreateChargeRequest(amount, currency, paymentCode, tillReference, description, newMetadata);
    }

    /** The metadata as sent: the caller's entries and the till reference. */
    public Map<String, String> sentMetadata() {
        Map<String, String> sent = new LinkedHashMap<>(metadata);
        sent.put(TILL_REFERENCE_KEY, tillReference);
        return sent;
    }
}
