package com.scantill.webhooks;

import com.scantill.ledger.StoreWebhooks;
import com.scantill.model.ChargeNotice;
import com.scantill.model.WebhookRecord;
import com.scantill.omise.ApiFailure;
import com.scantill.omise.Charge;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import com.scantill.omise.WebhookEvent;
import com.scantill.omise.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store service does with a webhook delivery, whatever server carried it: the signature checked (when the
 * shop set a webhook secret), the event read, kept once, and the charge it names retrieved from Omise before the till
 * that made it is told. The payload is never believed: a forged event naming a real charge only makes the till look.
 */
final class WebhookDesk {

    private static final Logger log = LoggerFactory.getLogger(WebhookDesk.class);

    /** The answer to Omise: 2xx keeps it from delivering again; 5xx asks it to. */
    record Reply(int status, String text) {
    }

    private final StoreWebhooks webhooks;
    private final OmiseClient omise;
    private final WebhookSignature signature;
    private final Clock clock;

    /** @param signature how deliveries are checked; {@code null} when the shop set no webhook secret */
    WebhookDesk(StoreWebhooks webhooks, OmiseClient omise, WebhookSignature signature, Clock clock) {
        this.webhooks = webhooks;
        this.omise = omise;
        this.signature = signature;
        this.clock = clock;
    }

    Reply receive(String timestamp, String signatures, byte[] body) {
        Instant now = clock.instant();
        if (signature != null) {
            WebhookSignature.Verdict verdict = signature.verify(timestamp, signatures, body, now);
            if (verdict != WebhookSignature.Verdict.VALID) {
                log.warn("Refused a webhook delivery whose signature is {}", verdict);
                return new Reply(401, "signature " + verdict.name().toLowerCase(Locale.ROOT));
            }
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            log.warn("Refused a webhook delivery that is not an Omise event: {}", e.getMessage());
            return new Reply(400, e.getMessage());
        }
        if (webhooks.seen(event.id())) {
            log.debug("Event {} delivered again; kept already", event.id());
            return new Reply(200, "duplicate");
        }
        if (!event.concernsACharge()) {
            keep(event, now, WebhookRecord.Outcome.IGNORED, null, Optional.empty());
            return new Reply(200, "ignored");
        }
        Charge charge;
        try {
            charge = omise.retrieveCharge(event.chargeId());
        } catch (OmiseException e) {
            if (e.failure() == ApiFailure.NOT_FOUND) {
                log.warn("Event {} names charge {}, which Omise does not know", event.id(), event.chargeId());
                keep(event, now, WebhookRecord.Outcome.UNKNOWN_CHARGE, null, Optional.empty());
                return new Reply(200, "unknown charge");
            }
            // Not kept, so that Omise's next delivery of it is looked at afresh.
            log.warn("Could not retrieve charge {} of event {}; asking Omise to deliver it again: {}", event.chargeId(),
                    event.id(), e.getMessage());
            return new Reply(503, "charge not retrieved");
        }
        if (charge.tillId() == null || charge.tillReference() == null) {
            keep(event, now, WebhookRecord.Outcome.NOT_A_TILLS_CHARGE, charge, Optional.empty());
            return new Reply(200, "not a till's charge");
        }
        ChargeNotice notice = new ChargeNotice(charge.id(), charge.tillId(), charge.tillReference(), statusOf(charge));
        boolean kept = keep(event, now, WebhookRecord.Outcome.TILL_TOLD, charge, Optional.of(notice));
        if (kept) {
            log.info("Event {} ({}): charge {} of till {} is {}; the till is told", event.id(), event.key(), charge.id(),
                    charge.tillId(), charge.status());
        }
        return new Reply(200, kept ? "till told" : "duplicate");
    }

    /** @param charge the charge as Omise has it, or {@code null} when it was not retrieved */
    private boolean keep(WebhookEvent event, Instant now, WebhookRecord.Outcome outcome, Charge charge,
                         Optional<ChargeNotice> notice) {
        WebhookRecord record = charge == null
                ? new WebhookRecord(event.id(), event.key(), event.chargeId(), now, outcome, null, null, null)
                : new WebhookRecord(event.id(), event.key(), event.chargeId(), now, outcome, statusOf(charge), charge.tillId(),
                        charge.tillReference());
        return webhooks.record(record, notice);
    }

    /** The charge's status as Omise writes it ("successful"). */
    private static String statusOf(Charge charge) {
        return charge.status().name().toLowerCase(Locale.ROOT);
    }
}
