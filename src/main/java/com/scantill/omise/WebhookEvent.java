package com.scantill.omise;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * An event Omise posts to the shop's webhook endpoint, read leniently: Omise writes it at the account's default API
 * version, not the till's, so only what names the charge is read. It is a hint to look at that charge, never the
 * truth about it: whoever acts on it retrieves the charge first.
 *
 * @param id       Omise's event id ({@code evnt_…}), the same on every delivery of the event
 * @param key      what happened ({@code charge.complete}, {@code refund.create}, …), kept as Omise wrote it
 * @param chargeId the charge the event is about: its data's id for a charge, its data's {@code charge} for a refund;
 *                 {@code null} for events about anything else
 */
public record WebhookEvent(String id, String key, String chargeId, boolean livemode) {

    private static final int LONGEST_ID = 64;

    /**
     * Reads a delivered event.
     *
     * @throws IllegalArgumentException when the body is not an Omise event
     */
    public static WebhookEvent parse(String body) {
        JsonObject event;
        try {
            JsonElement tree = JsonParser.parseString(body);
            if (!tree.isJsonObject()) {
                throw new IllegalArgumentException("a webhook event is a JSON object");
            }
            event = tree.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("a webhook event is JSON: " + e.getMessage(), e);
        }
        if (!"event".equals(text(event, "object").orElse(null))) {
            throw new IllegalArgumentException("not an Omise event: its object is not \"event\"");
        }
        String id = text(event, "id").filter(WebhookEvent::isIdShaped)
                .orElseThrow(() -> new IllegalArgumentException("an Omise event has an id"));
        String key = text(event, "key").filter(text -> text.length() <= LONGEST_ID)
                .orElseThrow(() -> new IllegalArgumentException("an Omise event has a key"));
        JsonElement data = event.get("data");
        String chargeId = data != null && data.isJsonObject() ? chargeOf(data.getAsJsonObject()) : null;
        JsonElement livemode = event.get("livemode");
        return new WebhookEvent(id, key, chargeId, livemode != null && livemode.isJsonPrimitive() && livemode.getAsBoolean());
    }

    /** Whether the event may change a charge a till follows: its completion, expiry, reversal, an update, a refund. */
    public boolean concernsACharge() {
        return chargeId != null && !key.equals("charge.create");
    }

    private static String chargeOf(JsonObject data) {
        String object = text(data, "object").orElse("");
        Optional<String> id = switch (object) {
            case "charge" -> text(data, "id");
            case "refund" -> text(data, "charge");
            default -> Optional.empty();
        };
        return id.filter(WebhookEvent::isIdShaped).orElse(null);
    }

    private static boolean isIdShaped(String text) {
        return !text.isEmpty() && text.length() <= LONGEST_ID && text.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c) && c < 128);
    }

    private static Optional<String> text(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                ? Optional.of(element.getAsString()) : Optional.empty();
    }
}
