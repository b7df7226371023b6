package com.scantill.model;

import java.time.Instant;

/**
 * An operator's account. {@code pinHash} is a salted PBKDF2 hash, never the PIN.
 *
 * @param lockedUntil when a lock-out after wrong PINs ends, or {@code null}
 * @param language    the language the operator chose ({@code th}, {@code en}), or {@code null} for the till's own
 */
public record OperatorAccount(
        String operatorId,
        String displayName,
        Role role,
        String pinHash,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt,
        String language) {

    public OperatorAccount withPinHash(String newHash) {
        return new OperatorAccount(operatorId, displayName, role, newHash, enabled, 0, null, createdAt, language);
    }

    public OperatorAccount withEnabled(boolean newEnabled) {
        return new OperatorAccount(operatorId, displayName, role, pinHash, newEnabled, failedAttempts, lockedUntil, createdAt,
                language);
    }

    public OperatorAccount withFailures(int attempts, Instant newLockedUntil) {
        return new OperatorAccount(operatorId, displayName, role, pinHash, enabled, attempts, newLockedUntil, createdAt, language);
    }

    public OperatorAccount withLanguage(String newLanguage) {
        return new OperatorAccount(operatorId, displayName, role, pinHash, enabled, failedAttempts, lockedUntil, createdAt,
                newLanguage);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "OperatorAccount[" + operatorId + ", " + role + (enabled ? "" : ", disabled") + "]";
    }
}
