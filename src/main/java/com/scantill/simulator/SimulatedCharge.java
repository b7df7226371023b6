package com.scantill.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One charge in the simulator's store. Every method holds the charge's lock: tills and the customer race here. */
final class SimulatedCharge {

    static final Duration REFUND_WINDOW = Duration.ofDays(90);
    private static final String PENDING = "pending";
    private static final String SUCCESSFUL = "successful";
    private static final String FAILED = "failed";
    private static final String EXPIRED = "expired";

    private final long sequence;
    private final String id;
    private final String sourceId;
    private final long amount;
    private final String currency;
    private final String barcode;
    private final String sourceType;
    private final String provider;
    private final String description;
    private final Map<String, String> metadata;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final List<JsonObject> refunds = new ArrayList<>();

    private String status = PENDING;
    private String failureCode;
    private String failureMessage;
    private String transactionId;
    private Instant paidAt;
    private Instant expiredAt;
    private Instant statusChangedAt;
    private long refundedAmount;

    /** @param provider the wallet the source names (Alipay+ charges), or {@code null} */
    SimulatedCharge(long sequence, String id, String sourceId, long amount, String currency, String barcode, String sourceType,
                    String provider, String description, Map<String, String> metadata, Instant createdAt, Duration lifetime) {
        this(sequence, id, sourceId, amount, currency, barcode, sourceType, provider, description, metadata, createdAt,
                createdAt.plus(lifetime));
    }

    private SimulatedCharge(long sequence, String id, String sourceId, long amount, String currency, String barcode,
                            String sourceType, String provider, String description, Map<String, String> metadata,
                            Instant createdAt, Instant expiresAt) {
        this.sequence = sequence;
        this.id = id;
        this.sourceId = sourceId;
        this.amount = amount;
        this.currency = currency;
        this.barcode = barcode;
        this.sourceType = sourceType;
        this.provider = provider;
        this.description = description;
        this.metadata = new LinkedHashMap<>(metadata);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.statusChangedAt = createdAt;
    }

    /**
     * Everything about the charge, to be kept on disk and read back by {@link #fromState}; the payment code is kept
     * masked, as nothing on disk may hold a whole one.
     */
    synchronized JsonObject state() {
        JsonObject state = new JsonObject();
        state.addProperty("sequence", sequence);
        state.addProperty("id", id);
        state.addProperty("sourceId", sourceId);
        state.addProperty("amount", amount);
        state.addProperty("currency", currency);
        state.addProperty("barcode", masked(barcode));
        state.addProperty("sourceType", sourceType);
        state.addProperty("provider", provider);
        state.addProperty("description", description);
        state.add("metadata", metadataJson(metadata));
        state.addProperty("createdAt", createdAt.toString());
        state.addProperty("expiresAt", expiresAt.toString());
        JsonArray refundStates = new JsonArray();
        refunds.forEach(refund -> refundStates.add(refund.deepCopy()));
        state.add("refunds", refundStates);
        state.addProperty("status", status);
        state.addProperty("failureCode", failureCode);
        state.addProperty("failureMessage", failureMessage);
        state.addProperty("transactionId", transactionId);
        state.addProperty("paidAt", paidAt == null ? null : paidAt.toString());
        state.addProperty("expiredAt", expiredAt == null ? null : expiredAt.toString());
        state.addProperty("statusChangedAt", statusChangedAt.toString());
        state.addProperty("refundedAmount", refundedAmount);
        return state;
    }

    static SimulatedCharge fromState(JsonObject state) {
        Map<String, String> metadata = new LinkedHashMap<>();
        state.getAsJsonObject("metadata").entrySet().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().getAsString()));
        SimulatedCharge charge = new SimulatedCharge(state.get("sequence").getAsLong(), state.get("id").getAsString(),
                state.get("sourceId").getAsString(), state.get("amount").getAsLong(), state.get("currency").getAsString(),
                state.get("barcode").getAsString(), state.has("sourceType") ? text(state, "sourceType") : "wechat_pay_upm",
                text(state, "provider"), text(state, "description"), metadata,
                Instant.parse(state.get("createdAt").getAsString()), Instant.parse(state.get("expiresAt").getAsString()));
        state.getAsJsonArray("refunds").forEach(refund -> charge.refunds.add(refund.getAsJsonObject()));
        charge.status = state.get("status").getAsString();
        charge.failureCode = text(state, "failureCode");
        charge.failureMessage = text(state, "failureMessage");
        charge.transactionId = text(state, "transactionId");
        charge.paidAt = time(state, "paidAt");
        charge.expiredAt = time(state, "expiredAt");
        charge.statusChangedAt = Instant.parse(state.get("statusChangedAt").getAsString());
        charge.refundedAmount = state.get("refundedAmount").getAsLong();
        return charge;
    }

    private static String text(JsonObject state, String name) {
        return state.has(name) && !state.get(name).isJsonNull() ? state.get(name).getAsString() : null;
    }

    private static Instant time(JsonObject state, String name) {
        String text = text(state, name);
        return text == null ? null : Instant.parse(text);
    }

    private static String masked(String code) {
        return code.length() <= 4 ? code : "*".repeat(code.length() - 4) + code.substring(code.length() - 4);
    }

    synchronized boolean isPending(Instant now) {
        expireIfOverdue(now);
        return status.equals(PENDING);
    }

    long sequence() {
        return sequence;
    }

    String id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The customer confirms or the payment fails; too late once the charge has left pending. Whether it changed. */
    synchronized boolean customerActs(CustomerBehaviour behaviour, Instant now) {
        expireIfOverdue(now);
        if (!status.equals(PENDING)) {
            return false;
        }
        if (behaviour instanceof CustomerBehaviour.Pays) {
            pay(now);
            return true;
        } else if (behaviour instanceof CustomerBehaviour.Fails fails) {
            fail(fails.failureCode(), fails.failureMessage(), now);
            return true;
        }
        return false;
    }

    synchronized void markAsPaid(Instant now) {
        requirePending(now, "invalid_charge", "charge is not pending");
        pay(now);
    }

    synchronized void markAsFailed(String code, String message, Instant now) {
        requirePending(now, "invalid_charge", "charge is not pending");
        fail(code, message, now);
    }

    synchronized void expire(Instant now) {
        requirePending(now, "failed_expire", "charge cannot be expired because it is not pending");
        status = EXPIRED;
        expiredAt = now;
        statusChangedAt = now;
    }

    synchronized JsonObject refund(long refundAmount, Map<String, String> refundMetadata, String refundId,
                                   String transaction, Instant now) {
        expireIfOverdue(now);
        if (!status.equals(SUCCESSFUL)) {
            throw new ApiError(400, "failed_refund", "charge is not successful and cannot be refunded");
        }
        if (now.isAfter(createdAt.plus(REFUND_WINDOW))) {
            throw new ApiError(400, "failed_refund", "charge can only be refunded within 90 days");
        }
        if (refundAmount <= 0) {
            throw new ApiError(400, "invalid_amount", "amount must be greater than 0");
        }
        if (refundAmount > amount - refundedAmount) {
            throw new ApiError(400, "failed_refund", "amount is greater than the remaining refundable amount of "
                    + (amount - refundedAmount));
        }
        JsonObject refund = new JsonObject();
        refund.addProperty("object", "refund");
        refund.addProperty("id", refundId);
        refund.addProperty("livemode", false);
        refund.addProperty("location", "/charges/" + id + "/refunds/" + refundId);
        refund.addProperty("amount", refundAmount);
        refund.addProperty("charge", id);
        refund.addProperty("created_at", seconds(now));
        refund.addProperty("currency", currency);
        refund.addProperty("funding_amount", refundAmount);
        refund.addProperty("funding_currency", currency);
        refund.add("metadata", metadataJson(refundMetadata));
        refund.addProperty("transaction", transaction);
        refund.addProperty("voided", false);
        refund.addProperty("status", "closed");
        refunds.add(refund);
        refundedAmount += refundAmount;
        return refund.deepCopy();
    }

    synchronized List<JsonObject> refunds(Instant now) {
        expireIfOverdue(now);
        return refunds.stream().map(JsonObject::deepCopy).toList();
    }

    synchronized ChargeSnapshot snapshot(Instant now) {
        expireIfOverdue(now);
        return new ChargeSnapshot(id, amount, barcode, sourceType, status, failureCode, refundedAmount, refunds.size(),
                Map.copyOf(metadata), createdAt, statusChangedAt);
    }

    /**
     * The charge object exactly as the WeChat Pay UPM page shows it, field for field; an Alipay+ one differs only in its
     * source's type and the wallet it names.
     */
    synchronized JsonObject toJson(Instant now) {
        expireIfOverdue(now);
        Fees fees = Fees.of(amount);
        boolean successful = status.equals(SUCCESSFUL);
        JsonObject charge = new JsonObject();
        charge.addProperty("object", "charge");
        charge.addProperty("id", id);
        charge.addProperty("location", "/charges/" + id);
        charge.addProperty("amount", amount);
        charge.add("acquirer_reference_number", JsonNull.INSTANCE);
        charge.addProperty("net", fees.net());
        charge.addProperty("fee", fees.fee());
        charge.addProperty("fee_vat", fees.feeVat());
        charge.addProperty("interest", 0);
        charge.addProperty("interest_vat", 0);
        charge.addProperty("funding_amount", amount);
        charge.addProperty("refunded_amount", refundedAmount);
        JsonObject transactionFees = new JsonObject();
        transactionFees.addProperty("fee_flat", "0.0");
        transactionFees.addProperty("fee_rate", Fees.FEE_RATE_TEXT);
        transactionFees.addProperty("vat_rate", Fees.VAT_RATE_TEXT);
        charge.add("transaction_fees", transactionFees);
        JsonObject platformFee = new JsonObject();
        platformFee.add("fixed", JsonNull.INSTANCE);
        platformFee.add("amount", JsonNull.INSTANCE);
        platformFee.add("percentage", JsonNull.INSTANCE);
        charge.add("platform_fee", platformFee);
        charge.addProperty("currency", currency);
        charge.addProperty("funding_currency", currency);
        charge.add("ip", JsonNull.INSTANCE);
        charge.add("refunds", list(refunds.stream().map(JsonObject::deepCopy).toList(), "/charges/" + id + "/refunds",
                0, 20, "chronological", Instant.EPOCH, now));
        charge.add("link", JsonNull.INSTANCE);
        charge.addProperty("description", description);
        charge.add("metadata", metadataJson(metadata));
        charge.add("card", JsonNull.INSTANCE);
        charge.add("source", sourceJson());
        charge.add("schedule", JsonNull.INSTANCE);
        charge.add("customer", JsonNull.INSTANCE);
        charge.add("dispute", JsonNull.INSTANCE);
        charge.addProperty("transaction", transactionId);
        charge.addProperty("failure_code", failureCode);
        charge.addProperty("failure_message", failureMessage);
        charge.addProperty("status", status);
        charge.add("authorize_uri", JsonNull.INSTANCE);
        charge.add("return_uri", JsonNull.INSTANCE);
        charge.addProperty("created_at", seconds(createdAt));
        charge.addProperty("paid_at", paidAt == null ? null : seconds(paidAt));
        charge.addProperty("expires_at", seconds(expiresAt));
        charge.addProperty("expired_at", expiredAt == null ? null : seconds(expiredAt));
        charge.add("reversed_at", JsonNull.INSTANCE);
        charge.addProperty("zero_interest_installments", false);
        charge.add("branch", JsonNull.INSTANCE);
        charge.add("terminal", JsonNull.INSTANCE);
        charge.add("device", JsonNull.INSTANCE);
        charge.addProperty("authorized", successful);
        charge.addProperty("capturable", false);
        charge.addProperty("capture", true);
        charge.addProperty("disputable", successful);
        charge.addProperty("livemode", false);
        boolean refundable = successful && refundedAmount < amount && !now.isAfter(createdAt.plus(REFUND_WINDOW));
        charge.addProperty("refundable", refundable);
        charge.addProperty("partially_refundable", refundable);
        charge.addProperty("reversed", false);
        charge.addProperty("reversible", false);
        charge.addProperty("voided", false);
        charge.addProperty("paid", successful);
        charge.addProperty("expired", status.equals(EXPIRED));
        return charge;
    }

    static JsonObject list(List<JsonObject> data, String location, int offset, int limit, String order,
                           Instant from, Instant to) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        JsonArray array = new JsonArray();
        data.stream().skip(offset).limit(limit).forEach(array::add);
        list.add("data", array);
        list.addProperty("limit", limit);
        list.addProperty("offset", offset);
        list.addProperty("total", data.size());
        list.addProperty("location", location);
        list.addProperty("order", order);
        list.addProperty("from", seconds(from));
        list.addProperty("to", seconds(to));
        return list;
    }

    static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private JsonObject sourceJson() {
        JsonObject source = new JsonObject();
        source.addProperty("object", "source");
        source.addProperty("id", sourceId);
        source.addProperty("livemode", false);
        source.addProperty("location", "/sources/" + sourceId);
        source.addProperty("amount", amount);
        source.addProperty("barcode", barcode);
        source.add("bank", JsonNull.INSTANCE);
        source.addProperty("created_at", seconds(createdAt));
        source.addProperty("currency", currency);
        source.add("email", JsonNull.INSTANCE);
        source.addProperty("flow", "offline");
        source.add("installment_term", JsonNull.INSTANCE);
        source.add("ip", JsonNull.INSTANCE);
        source.add("absorption_type", JsonNull.INSTANCE);
        source.add("name", JsonNull.INSTANCE);
        source.add("mobile_number", JsonNull.INSTANCE);
        source.add("phone_number", JsonNull.INSTANCE);
        source.add("platform_type", JsonNull.INSTANCE);
        source.add("scannable_code", JsonNull.INSTANCE);
        source.add("billing", JsonNull.INSTANCE);
        source.add("shipping", JsonNull.INSTANCE);
        source.add("items", new JsonArray());
        source.add("references", JsonNull.INSTANCE);
        source.add("provider_references", JsonNull.INSTANCE);
        // Only an Alipay+ source names its wallet; a WeChat Pay source keeps the reference page's shape exactly.
        if (provider != null) {
            source.addProperty("provider", provider);
        }
        source.add("store_id", JsonNull.INSTANCE);
        source.add("store_name", JsonNull.INSTANCE);
        source.add("terminal_id", JsonNull.INSTANCE);
        source.addProperty("type", sourceType);
        source.add("zero_interest_installments", JsonNull.INSTANCE);
        source.addProperty("charge_status", status);
        source.add("receipt_amount", JsonNull.INSTANCE);
        source.add("discounts", new JsonArray());
        return source;
    }

    private static JsonObject metadataJson(Map<String, String> metadata) {
        JsonObject json = new JsonObject();
        metadata.forEach(json::addProperty);
        return json;
    }

    private void pay(Instant now) {
        status = SUCCESSFUL;
        paidAt = now;
        transactionId = "trxn_test_" + id.substring(id.lastIndexOf('_') + 1);
        statusChangedAt = now;
    }

    private void fail(String code, String message, Instant now) {
        status = FAILED;
        failureCode = code;
        failureMessage = message;
        statusChangedAt = now;
    }

    private void requirePending(Instant now, String code, String message) {
        expireIfOverdue(now);
        if (!status.equals(PENDING)) {
            throw new ApiError(400, code, message);
        }
    }

    /** A charge nobody confirmed expires at {@code expires_at}; found out whenever the charge is looked at. */
    private void expireIfOverdue(Instant now) {
        if (status.equals(PENDING) && !now.isBefore(expiresAt)) {
            status = EXPIRED;
            expiredAt = expiresAt;
            statusChangedAt = expiresAt;
        }
    }
}
