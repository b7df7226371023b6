package com.scantill.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints of payment codes: HMAC-SHA256 under a random key kept in its own file beside the database, so that
 * the ledger can tell a code it has seen without holding the code, and a copy of the database alone cannot be
 * searched for codes (an 18-digit code has too few possibilities to hide behind a plain hash).
 */
final class PaymentCodeFingerprints {

    static final String KEY_FILE = "payment-code.key";

    private final SecretKeySpec key;

    private PaymentCodeFingerprints(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The fingerprints of the ledger in {@code folder}, its key made on first use, readable by the owner only. */
    static PaymentCodeFingerprints in(Path folder) {
        Path file = folder.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return new PaymentCodeFingerprints(Files.readAllBytes(file));
                }
                Files.write(file, fresh);
                return new PaymentCodeFingerprints(fresh);
            }
            byte[] stored = Files.readAllBytes(file);
            if (stored.length < 32) {
                throw new LedgerException("The payment code key " + file + " is damaged; move it away to make a new one.");
            }
            return new PaymentCodeFingerprints(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the payment code key " + file, e);
        }
    }

    String of(String paymentCodeDigits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(paymentCodeDigits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
