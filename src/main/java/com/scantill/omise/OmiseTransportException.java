package com.scantill.omise;

/** No usable answer came: the API was unreachable, the connection dropped, or the answer was too late. */
public final class OmiseTransportException extends OmiseException {

    private static final long serialVersionUID = 1L;

    public OmiseTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ApiFailure failure() {
        return ApiFailure.RETRYABLE;
    }
}
