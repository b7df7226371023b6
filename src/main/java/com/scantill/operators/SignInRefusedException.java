package com.scantill.operators;

import com.scantill.model.Role;
import java.time.Instant;

/**
 * A sign-in, an approval or a change of operators refused: what happened and the data it concerns, for the UI to put in
 * words; never which of id or PIN was wrong. The message is for the log.
 */
public final class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The id or the PIN is wrong, or the operator is disabled: all alike to whoever types them. */
        WRONG_ID_OR_PIN,
        /** Too many wrong PINs: {@link #operatorId()} is locked out until {@link #until()}, after {@link #count()}. */
        LOCKED_OUT,
        /** The stored PIN of {@link #operatorId()} cannot be read: a manager must reset it. */
        DAMAGED_PIN_RECORD,
        /** {@link #name()} is a {@link #role()}; this needs a {@link #needed()}. */
        ROLE_TOO_LOW,
        FIRST_MANAGER_EXISTS,
        /** There is already an operator {@link #operatorId()}. */
        OPERATOR_EXISTS,
        CANNOT_DISABLE_SELF,
        BAD_ID,
        NO_NAME,
        /** A {@link #role()}'s PIN is {@link #count()} to 12 digits. */
        BAD_PIN,
        NOT_A_MANAGER,
        /** There is no operator {@link #operatorId()}. */
        NO_SUCH_OPERATOR
    }

    private final Reason reason;
    private final String operatorId;
    private final String name;
    private final transient Role role;
    private final transient Role needed;
    private final int count;
    private final transient Instant until;

    private SignInRefusedException(Reason reason, String operatorId, String name, Role role, Role needed, int count,
                                   Instant until) {
        super(reason + (operatorId == null ? "" : " " + operatorId) + (role == null ? "" : " role=" + role)
                + (needed == null ? "" : " needed=" + needed) + (count == 0 ? "" : " count=" + count)
                + (until == null ? "" : " until=" + until));
        this.reason = reason;
        this.operatorId = operatorId;
        this.name = name;
        this.role = role;
        this.needed = needed;
        this.count = count;
        this.until = until;
    }

    static SignInRefusedException of(Reason reason) {
        return new SignInRefusedException(reason, null, null, null, null, 0, null);
    }

    static SignInRefusedException about(Reason reason, String operatorId) {
        return new SignInRefusedException(reason, operatorId, null, null, null, 0, null);
    }

    static SignInRefusedException lockedOut(String operatorId, int wrongPins, Instant until) {
        return new SignInRefusedException(Reason.LOCKED_OUT, operatorId, null, null, null, wrongPins, until);
    }

    static SignInRefusedException roleTooLow(String name, Role role, Role needed) {
        return new SignInRefusedException(Reason.ROLE_TOO_LOW, null, name, role, needed, 0, null);
    }

    static SignInRefusedException badPin(Role role, int fewestDigits) {
        return new SignInRefusedException(Reason.BAD_PIN, null, null, role, null, fewestDigits, null);
    }

    public Reason reason() {
        return reason;
    }

    public String operatorId() {
        return operatorId;
    }

    /** The operator's name as shown on screen, for {@link Reason#ROLE_TOO_LOW}. */
    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public Role needed() {
        return needed;
    }

    public int count() {
        return count;
    }

    public Instant until() {
        return until;
    }
}
