package com.scantill.omise;

/** A successful answer that does not hold what the API promises. */
public final class MalformedResponseException extends OmiseException {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ApiFailure failure() {
        return ApiFailure.RETRYABLE;
    }
}
