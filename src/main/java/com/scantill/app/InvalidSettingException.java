package com.scantill.app;

/**
 * A setting the till could not start with, named by what is wrong with it, so that the screen can say it in the
 * manager's words; the message is for the log, in English. Never carries the secret key itself.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    /** What is wrong. */
    public enum Problem {
        TILL_ID,
        API_URL_NOT_HTTPS,
        API_URL_NOT_PLAIN,
        SECRET_KEY,
        SERIAL_PORT_MISSING,
        PRINTER_ADDRESS,
        BAUD_RATE,
        PENDING_LIMIT,
        IDLE_SIGN_OUT,
        PIN_HASH_ITERATIONS,
        SHOP_ZONE,
        LANGUAGE,
        PAYMENT_METHODS,
        STORE_URL
    }

    private final Problem problem;
    private final String value;

    /** @param value what was given, as the manager typed it; never the secret key */
    public InvalidSettingException(Problem problem, String value, String message) {
        super(message);
        this.problem = problem;
        this.value = value == null ? "" : value;
    }

    public InvalidSettingException(Problem problem, String value, String message, Throwable cause) {
        this(problem, value, message);
        initCause(cause);
    }

    public Problem problem() {
        return problem;
    }

    public String value() {
        return value;
    }
}
