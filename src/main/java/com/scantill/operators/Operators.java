package com.scantill.operators;

import com.scantill.ledger.OperatorRecords;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.OperatorAccount;
import com.scantill.model.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators and their PINs: the first manager, sign-in, a supervisor's approval on the spot, and a manager's
 * changes. {@value #MAX_ATTEMPTS} wrong PINs in a row lock an operator out for {@link #LOCK_OUT}. Hashing is slow
 * on purpose: call these off the FX thread.
 */
public final class Operators {

    private static final Logger log = LoggerFactory.getLogger(Operators.class);

    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(5);
    public static final Duration LONGEST_LOCK_OUT = Duration.ofDays(1);
    /** The fewest digits of a PIN: supervisors and managers approve refunds and change operators, so theirs are longer. */
    public static final int CASHIER_PIN_DIGITS = 4;
    public static final int SUPERVISOR_PIN_DIGITS = 6;
    /** How long a supervisor's approval may wait to be carried out. */
    public static final Duration APPROVAL_VALIDITY = Duration.ofMinutes(2);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final OperatorRecords records;
    private final PinHasher hasher;
    private final Clock clock;
    private final String unknownOperatorHash;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> issued = new HashMap<>();

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
            throw SignInRefusedException.of(SignInRefusedException.Reason.FIRST_MANAGER_EXISTS);
        }
        return create(id, displayName, Role.MANAGER, pin, id);
    }

    public Operator add(Operator manager, String id, String displayName, Role role, char[] pin) {
        requireManager(manager);
        if (records.find(id).isPresent()) {
            throw SignInRefusedException.about(SignInRefusedException.Reason.OPERATOR_EXISTS, id);
        }
        return create(id, displayName, role, pin, manager.id());
    }

    public void setEnabled(Operator manager, String id, boolean enabled) {
        requireManager(manager);
        if (manager.id().equals(id) && !enabled) {
            throw SignInRefusedException.of(SignInRefusedException.Reason.CANNOT_DISABLE_SELF);
        }
        OperatorAccount account = existing(id);
        records.update(account.withEnabled(enabled), enabled ? "ENABLED" : "DISABLED", manager.id(), null, clock.instant());
    }

    /**
     * Remembers the language {@code operator} chose on the sign-in screen ({@code th} or {@code en}); the till speaks it
     * whenever they sign in. Anyone signed in may choose their own.
     */
    public void rememberLanguage(Operator operator, String language) {
        OperatorAccount account = existing(operator.id());
        if (!language.equals(account.language())) {
            records.update(account.withLanguage(language), "LANGUAGE", operator.id(), language, clock.instant());
        }
    }

    /** Sets a new PIN and lifts any lock-out. */
    public void resetPin(Operator manager, String id, char[] newPin) {
        requireManager(manager);
        OperatorAccount account = existing(id);
        requirePin(newPin, account.role());
        records.update(account.withPinHash(hasher.hash(newPin)).withFailures(0, null), "PIN_RESET", manager.id(), null,
                clock.instant());
    }

    /** Whether {@code id} is an operator who may work now: known and enabled. Reads the store. */
    public boolean isActive(String id) {
        return id != null && records.find(id).filter(OperatorAccount::enabled).isPresent();
    }

    public List<OperatorAccount> accounts() {
        return records.all();
    }

    public Operator signIn(String id, char[] pin) {
        return check(id, pin, Role.CASHIER, "SIGNED_IN");
    }

    /**
     * A supervisor's (or manager's) PIN given on the spot for one action a cashier may not take alone: the approval
     * is issued for exactly {@code request}, to be spent once, within {@link #APPROVAL_VALIDITY}, by the core service
     * that carries the action out.
     */
    public Approval approve(String id, char[] pin, ApprovalRequest request) {
        Operator approver = check(id, pin, Role.SUPERVISOR, "APPROVED");
        byte[] token = new byte[24];
        random.nextBytes(token);
        Approval approval = new Approval(Base64.getUrlEncoder().withoutPadding().encodeToString(token), approver.id(),
                approver.displayName(), request);
        synchronized (issued) {
            Instant now = clock.instant();
            issued.values().removeIf(grant -> grant.issuedAt().plus(APPROVAL_VALIDITY).isBefore(now));
            issued.put(approval.ticket(), new Grant(approval, now));
        }
        return approval;
    }

    /**
     * Spends an approval on {@code request}: the approver's id when it was issued here for exactly that request, less
     * than {@link #APPROVAL_VALIDITY} ago, not spent before, and its approver is still an enabled supervisor or
     * manager. Whatever the answer, the approval cannot be spent again.
     */
    public Optional<String> spend(Approval approval, ApprovalRequest request) {
        Grant grant;
        synchronized (issued) {
            grant = approval == null ? null : issued.remove(approval.ticket());
        }
        if (grant == null || !grant.approval().equals(approval) || !approval.request().equals(request)
                || grant.issuedAt().plus(APPROVAL_VALIDITY).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return records.find(approval.approverId())
                .filter(account -> account.enabled() && account.role().atLeast(Role.SUPERVISOR))
                .map(OperatorAccount::operatorId);
    }

    private record Grant(Approval approval, Instant issuedAt) {
    }

    private synchronized Operator check(String id, char[] pin, Role needed, String successKind) {
        try {
            OperatorAccount account = id == null ? null : records.find(id.strip()).orElse(null);
            if (account == null) {
                hasher.matches(pin, unknownOperatorHash);
                throw SignInRefusedException.of(SignInRefusedException.Reason.WRONG_ID_OR_PIN);
            }
            Instant now = clock.instant();
            if (account.isLockedAt(now)) {
                throw SignInRefusedException.lockedOut(account.operatorId(), account.failedAttempts(), account.lockedUntil());
            }
            boolean matches;
            try {
                matches = hasher.matches(pin, account.pinHash());
            } catch (DamagedPinRecordException e) {
                log.error("The PIN record of operator {} is damaged: {}", account.operatorId(), e.getMessage());
                throw SignInRefusedException.about(SignInRefusedException.Reason.DAMAGED_PIN_RECORD, account.operatorId());
            }
            if (!matches) {
                // Failures count on across lock-outs, each lock-out twice as long as the last, until a right PIN.
                int attempts = account.failedAttempts() + 1;
                boolean lock = attempts % MAX_ATTEMPTS == 0;
                OperatorAccount failed = account.withFailures(attempts, lock ? now.plus(lockOut(attempts)) : null);
                records.updateFailures(failed.operatorId(), failed.failedAttempts(), failed.lockedUntil(), lock ? "LOCKED_OUT" : "WRONG_PIN",
                        attempts + " wrong in a row", now);
                if (lock) {
                    log.warn("Operator {} locked out until {} after {} wrong PINs in a row: a manager should check",
                            account.operatorId(), failed.lockedUntil(), attempts);
                }
                throw lock ? SignInRefusedException.lockedOut(failed.operatorId(), failed.failedAttempts(), failed.lockedUntil())
                        : SignInRefusedException.of(SignInRefusedException.Reason.WRONG_ID_OR_PIN);
            }
            if (!account.enabled()) {
                // Exactly as a wrong PIN: whether an id exists, or is disabled, is not told to whoever types it.
                throw SignInRefusedException.of(SignInRefusedException.Reason.WRONG_ID_OR_PIN);
            }
            if (!account.role().atLeast(needed)) {
                throw SignInRefusedException.roleTooLow(account.displayName(), account.role(), needed);
            }
            records.updateFailures(account.operatorId(), 0, null, successKind, null, now);
            return new Operator(account.operatorId(), account.displayName(), account.role(), account.language());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Five minutes after the first five wrong PINs, doubling with every five more, at most a day. */
    static Duration lockOut(int wrongInARow) {
        int lockOuts = Math.max(1, wrongInARow / MAX_ATTEMPTS);
        Duration length = LOCK_OUT.multipliedBy(1L << Math.min(lockOuts - 1, 16));
        return length.compareTo(LONGEST_LOCK_OUT) > 0 ? LONGEST_LOCK_OUT : length;
    }

    private Operator create(String id, String displayName, Role role, char[] pin, String by) {
        if (id == null || !ID.matcher(id).matches()) {
            throw SignInRefusedException.of(SignInRefusedException.Reason.BAD_ID);
        }
        if (displayName == null || displayName.isBlank()) {
            throw SignInRefusedException.of(SignInRefusedException.Reason.NO_NAME);
        }
        requirePin(pin, role);
        OperatorAccount account = new OperatorAccount(id, displayName.strip(), role, hasher.hash(pin), true, 0, null,
                clock.instant(), null);
        Arrays.fill(pin, '\0');
        records.add(account, by, clock.instant());
        return new Operator(id, account.displayName(), role);
    }

    private static void requirePin(char[] pin, Role role) {
        int fewest = role.atLeast(Role.SUPERVISOR) ? SUPERVISOR_PIN_DIGITS : CASHIER_PIN_DIGITS;
        boolean digits = pin != null && pin.length >= fewest && pin.length <= 12;
        for (int i = 0; digits && i < pin.length; i++) {
            digits = pin[i] >= '0' && pin[i] <= '9';
        }
        if (!digits) {
            throw SignInRefusedException.badPin(role, fewest);
        }
    }

    /** The manager as the store knows them now, whatever record the caller holds: enabled, and a manager. */
    private void requireManager(Operator operator) {
        boolean manager = operator != null && records.find(operator.id())
                .filter(account -> account.enabled() && account.role().atLeast(Role.MANAGER)).isPresent();
        if (!manager) {
            throw SignInRefusedException.of(SignInRefusedException.Reason.NOT_A_MANAGER);
        }
    }

    private OperatorAccount existing(String id) {
        return records.find(id).orElseThrow(() -> SignInRefusedException.about(SignInRefusedException.Reason.NO_SUCH_OPERATOR, id));
    }
}
