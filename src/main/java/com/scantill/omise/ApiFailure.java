package com.scantill.omise;

/** What a failed call to Omise means for whoever made it, decided by the HTTP status and Omise's own code. */
public enum ApiFailure {
    /** Nothing definite came back (no answer, a gateway page, 429, 5xx, a garbled body): the same call may be tried again. */
    RETRYABLE,
    /** Omise does not know the object (404, {@code not_found}). */
    NOT_FOUND,
    /** Omise understood and refused this request (other 4xx): trying it again will not help. */
    REFUSED,
    /** Omise refused the till itself (401, 403: the secret key, the account): a configuration problem for a manager. */
    ACCOUNT;

    static ApiFailure ofAnswer(int httpStatus, String code) {
        if (httpStatus == 401 || httpStatus == 403 || "authentication_failure".equals(code)) {
            return ACCOUNT;
        }
        if (httpStatus == 404 || "not_found".equals(code)) {
            return NOT_FOUND;
        }
        if (httpStatus == 429 || httpStatus >= 500 || "backend_error".equals(code)) {
            return RETRYABLE;
        }
        return httpStatus >= 400 ? REFUSED : RETRYABLE;
    }
}
