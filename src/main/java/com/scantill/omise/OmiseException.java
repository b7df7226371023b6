package com.scantill.omise;

/** Anything the API layer reports. Messages never hold the secret key or a whole payment code. */
public abstract sealed class OmiseException extends RuntimeException
        permits OmiseApiException, OmiseTransportException, MalformedResponseException, InvalidRequestException {

    private static final long serialVersionUID = 1L;

    OmiseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the failure means for the caller: try again, not found, refused, or a problem with the till's account. */
    public abstract ApiFailure failure();
}
