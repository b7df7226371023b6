package com.scantill.omise;

/**
 * The API answered with an error. {@link #code()} is Omise's own code ({@code not_found},
 * {@code authentication_failure}, …), or {@code null} when the answer was not an Omise error object
 * (an HTML page from a gateway, say).
 */
public final class OmiseApiException extends OmiseException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String apiMessage;

    public OmiseApiException(int httpStatus, String code, String apiMessage) {
        super(describe(httpStatus, code, apiMessage), null);
        this.httpStatus = httpStatus;
        this.code = code;
        this.apiMessage = apiMessage;
    }

    private static String describe(int httpStatus, String code, String apiMessage) {
        if (code == null) {
            return "Omise answered HTTP " + httpStatus + " without an API error object";
        }
        return "Omise answered HTTP " + httpStatus + " " + code + ": " + apiMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public boolean isRateLimited() {
        return httpStatus == 429;
    }

    @Override
    public ApiFailure failure() {
        return ApiFailure.ofAnswer(httpStatus, code);
    }
}
