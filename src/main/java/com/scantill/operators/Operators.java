package com.scantill.operators;

import com.scantill.ledger.OperatorAccount;
import com.scantill.ledger.OperatorRecords;
import com.scantill.ledger.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Operators and their PINs: the first manager, sign-in, a supervisor's approval on the spot, and a manager's
 * changes. {@value #MAX_ATTEMPTS} wrong PINs in a row lock an operator out for {@link #LOCK_OUT}. Hashing is slow
 * on purpose: call these off the FX thread.
 */
public final class Operators {

    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(5);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String REFUSED = "Wrong operator id or PIN.";

    private final OperatorRecords records;
    private final PinHasher hasher;
    private final Clock clock;
    private final String unknownOperatorHash;

    public Operators(OperatorRecords records, PinHasher hasher, Clock clock) {
        this.records = records;
        this.hasher = hasher;
        this.clock = clock;
        this.unknownOperatorHash = hasher.hash("0000".toCharArray());
    }

    public boolean needFirstManager() {
        return records.isEmpty();
    }

    /** The first run's manager; refused once any operator exists. */
    public synchronized Operator createFirstManager(String id, String displayName, char[] pin) {
        if (!records.isEmpty()) {
            throw new SignInRefusedException("The first manager has already been set up; sign in.");
        }
        return create(id, displayName, Role.MANAGER, pin, id);
    }

    public Operator add(Operator manager, String id, String displayName, Role role, char[] pin) {
        requireManager(manager);
        if (records.find(id).isPresent()) {
            throw new SignInRefusedException("There is already an operator " + id + ".");
        }
        return create(id, displayName, role, pin, manager.id());
    }

    public void setEnabled(Operator manager, String id, boolean enabled) {
        requireManager(manager);
        if (manager.id().equals(id) && !enabled) {
            throw new SignInRefusedException("A manager cannot disable themselves.");
        }
        OperatorAccount account = existing(id);
        records.update(account.withEnabled(enabled), enabled ? "ENABLED" : "DISABLED", manager.id(), null, clock.instant());
    }

    /** Sets a new PIN and lifts any lock-out. */
    public void resetPin(Operator manager, String id, char[] newPin) {
        requireManager(manager);
        requirePin(newPin);
        records.update(existing(id).withPinHash(hasher.hash(newPin)), "PIN_RESET", manager.id(), null, clock.instant());
    }

    public List<OperatorAccount> accounts() {
        return records.all();
    }

    public Operator signIn(String id, char[] pin) {
        return check(id, pin, Role.CASHIER, "SIGNED_IN");
    }

    /** A supervisor's (or manager's) PIN given on the spot for an action a cashier may not take alone. */
    public Operator approve(String id, char[] pin, Role needed) {
        return check(id, pin, needed, "APPROVED");
    }

    private synchronized Operator check(String id, char[] pin, Role needed, String successKind) {
        try {
            OperatorAccount account = id == null ? null : records.find(id.strip()).orElse(null);
            if (account == null) {
                hasher.matches(pin, unknownOperatorHash);
                throw new SignInRefusedException(REFUSED);
            }
            Instant now = clock.instant();
            if (account.isLockedAt(now)) {
                throw new SignInRefusedException(lockedMessage(account));
            }
            if (!hasher.matches(pin, account.pinHash())) {
                int attempts = account.failedAttempts() + 1;
                boolean lock = attempts >= MAX_ATTEMPTS;
                OperatorAccount failed = account.withFailures(lock ? 0 : attempts, lock ? now.plus(LOCK_OUT) : null);
                records.update(failed, lock ? "LOCKED_OUT" : "WRONG_PIN", null, attempts + " wrong in a row", now);
                throw new SignInRefusedException(lock ? lockedMessage(failed) : REFUSED);
            }
            if (!account.enabled()) {
                throw new SignInRefusedException("Operator " + account.operatorId() + " is disabled; ask a manager.");
            }
            if (!account.role().atLeast(needed)) {
                throw new SignInRefusedException(account.displayName() + " is a " + account.role().name().toLowerCase(Locale.ROOT)
                        + "; this needs a " + needed.name().toLowerCase(Locale.ROOT) + ".");
            }
            records.update(account.withFailures(0, null), successKind, null, null, now);
            return new Operator(account.operatorId(), account.displayName(), account.role());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private String lockedMessage(OperatorAccount account) {
        return "Operator " + account.operatorId() + " is locked out after " + MAX_ATTEMPTS + " wrong PINs until "
                + DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone()).format(account.lockedUntil())
                + ", or until a manager resets the PIN.";
    }

    private Operator create(String id, String displayName, Role role, char[] pin, String by) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new SignInRefusedException("An operator id is 1 to 64 letters, digits, '.', '-' or '_'.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new SignInRefusedException("Give the operator a name.");
        }
        requirePin(pin);
        OperatorAccount account = new OperatorAccount(id, displayName.strip(), role, hasher.hash(pin), true, 0, null,
                clock.instant());
        Arrays.fill(pin, '\0');
        records.add(account, by, clock.instant());
        return new Operator(id, account.displayName(), role);
    }

    private static void requirePin(char[] pin) {
        boolean digits = pin != null && pin.length >= 4 && pin.length <= 12;
        for (int i = 0; digits && i < pin.length; i++) {
            digits = pin[i] >= '0' && pin[i] <= '9';
        }
        if (!digits) {
            throw new SignInRefusedException("A PIN is 4 to 12 digits.");
        }
    }

    private static void requireManager(Operator operator) {
        if (operator == null || !operator.may(Role.MANAGER)) {
            throw new SignInRefusedException("Only a manager may change operators.");
        }
    }

    private OperatorAccount existing(String id) {
        return records.find(id).orElseThrow(() -> new SignInRefusedException("There is no operator " + id + "."));
    }
}
