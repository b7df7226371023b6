package com.scantill.omise;

import java.util.Locale;

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

    /**
     * Omise refuses the source type for this account: the payment method is not switched on for the merchant. Omise
     * documents no code of its own for this, so the refusal is known by its words ("source type … is not enabled",
     * "… not supported"); a creation refused in other words is still a definite refusal, only worded generally.
     */
    public boolean isMethodNotEnabled() {
        if (httpStatus < 400 || httpStatus >= 500 || httpStatus == 401 || httpStatus == 429 || apiMessage == null) {
            return false;
        }
        String words = apiMessage.toLowerCase(Locale.ROOT);
        boolean aboutTheSource = words.contains("source") || words.contains("payment method") || words.contains("type");
        boolean refused = words.contains("not enabled") || words.contains("not supported") || words.contains("unsupported")
                || words.contains("not available") || words.contains("not allowed");
        return aboutTheSource && refused;
    }

    public boolean isRateLimited() {
        return httpStatus == 429;
    }

    @Override
    public ApiFailure failure() {
        return ApiFailure.ofAnswer(httpStatus, code);
    }
}
