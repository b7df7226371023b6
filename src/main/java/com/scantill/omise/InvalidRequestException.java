package com.scantill.omise;

/** A request refused before it was sent; {@link #field()} names what is wrong. */
public final class InvalidRequestException extends OmiseException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message, null);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public ApiFailure failure() {
        return ApiFailure.REFUSED;
    }
}
