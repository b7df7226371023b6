package com.scantill.operators;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 hashes of PINs, stored as {@code pbkdf2-sha256$iterations$salt$hash}. The iteration
 * count is OWASP's current advice for PBKDF2-HMAC-SHA256; each hash keeps its own count, so raising it later
 * still verifies old hashes.
 */
public final class PinHasher {

    public static final int OWASP_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PinHasher(int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("at least 1,000 iterations");
        }
        this.iterations = iterations;
    }

    public String hash(char[] pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(pin, salt, iterations));
    }

    /**
     * Whether {@code pin} is the one {@code stored} was made from.
     *
     * @throws DamagedPinRecordException when {@code stored} is not a hash this class wrote
     */
    public boolean matches(char[] pin, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                throw new IllegalArgumentException("not a " + PREFIX + " hash");
            }
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (rounds < 1 || salt.length == 0 || expected.length == 0) {
                throw new IllegalArgumentException("an empty part");
            }
            return MessageDigest.isEqual(expected, derive(pin, salt, rounds));
        } catch (IllegalArgumentException damaged) {
            throw new DamagedPinRecordException("the stored PIN hash cannot be read (" + damaged.getMessage() + ")", damaged);
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        } finally {
            spec.clearPassword();
        }
    }
}
