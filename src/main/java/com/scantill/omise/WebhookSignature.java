package com.scantill.omise;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery came from Omise: header {@code Omise-Signature} is the hex HMAC-SHA256 of
 * {@code timestamp + "." + body}, keyed with the base64-decoded webhook secret, and {@code Omise-Signature-Timestamp}
 * the time it was signed in Unix seconds. While Omise rotates the secret it sends two signatures, comma-separated;
 * one that matches is enough. A signature older than the tolerance is refused, so that a recorded delivery cannot be
 * replayed later. (The scheme is taken from third-party implementations and kept here alone.)
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "Omise-Signature";
    public static final String TIMESTAMP_HEADER = "Omise-Signature-Timestamp";
    private static final String ALGORITHM = "HmacSHA256";

    /** What a delivery's signature showed. */
    public enum Verdict {
        VALID,
        /** No signature or no timestamp: not from Omise, or the endpoint expects a secret Omise does not use. */
        MISSING,
        /** No signature matches: forged, or signed with another secret. */
        MISMATCH,
        /** Signed too long ago, or in the future: a replay, or a clock far off. */
        OUT_OF_TIME
    }

    private final SecretKeySpec key;
    private final Duration tolerance;

    private WebhookSignature(byte[] secret, Duration tolerance) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.tolerance = tolerance;
    }

    /**
     * @param base64Secret the webhook secret as Omise's dashboard shows it
     * @throws InvalidRequestException when it is not base64, without echoing it
     */
    public static WebhookSignature withSecret(String base64Secret, Duration tolerance) {
        try {
            byte[] secret = Base64.getDecoder().decode(base64Secret == null ? "" : base64Secret.strip());
            if (secret.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return new WebhookSignature(secret, tolerance);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("webhook_secret", "The webhook secret is the base64 text Omise's dashboard shows.");
        }
    }

    public Verdict verify(String timestamp, String signatures, byte[] body, Instant now) {
        if (timestamp == null || signatures == null || timestamp.isBlank() || signatures.isBlank()) {
            return Verdict.MISSING;
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        byte[] expected = sign(timestamp.strip(), body);
        boolean matches = false;
        for (String candidate : signatures.split(",")) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(candidate.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                continue;
            }
            matches |= MessageDigest.isEqual(expected, given);
        }
        if (!matches) {
            return Verdict.MISMATCH;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(signedAt), now).abs();
        return age.compareTo(tolerance) > 0 ? Verdict.OUT_OF_TIME : Verdict.VALID;
    }

    private byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "WebhookSignature[secret=…, tolerance=" + tolerance + "]";
    }
}
