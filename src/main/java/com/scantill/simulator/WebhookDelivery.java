package com.scantill.simulator;

import java.time.Instant;

/** One attempt to deliver a webhook event, and the endpoint's answer: 0 when it could not be reached. */
public record WebhookDelivery(String eventId, String key, String chargeId, int status, Instant at) {
}
