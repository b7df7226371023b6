package com.scantill.omise;

import java.util.regex.Pattern;

/**
 * An Omise secret key. It prints as a hint ({@code skey_test_…}) everywhere: only the API client reads it whole,
 * to sign requests.
 */
public final class SecretKey {

    private static final Pattern SHAPE = Pattern.compile("skey_[A-Za-z0-9_]+");
    private static final String TEST_PREFIX = "skey_test_";

    private final String value;

    private SecretKey(String value) {
        this.value = value;
    }

    /** Refuses anything that is not shaped like a secret key, without echoing it. */
    public static SecretKey of(String candidate) {
        String trimmed = candidate == null ? "" : candidate.strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            throw new InvalidRequestException("secret_key",
                    "This is not an Omise secret key: secret keys start with skey_ (skey_test_ in test mode).");
        }
        return new SecretKey(trimmed);
    }

    public boolean isTestKey() {
        return value.startsWith(TEST_PREFIX);
    }

    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return isTestKey() ? TEST_PREFIX + "…" : "skey_…";
    }
}
