package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer the engine can get from Omise is one of four kinds, by HTTP status and Omise's code. */
class ApiFailureTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "401, authentication_failure, ACCOUNT",
        "403, forbidden,              ACCOUNT",
        "403, -,                      ACCOUNT",
        "404, not_found,              NOT_FOUND",
        "404, -,                      NOT_FOUND",
        "400, failed_expire,          REFUSED",
        "400, expired_charge,         REFUSED",
        "400, failed_refund,          REFUSED",
        "400, invalid_charge,         REFUSED",
        "400, used_token,             REFUSED",
        "400, bad_request,            REFUSED",
        "422, invalid_amount,         REFUSED",
        "400, backend_error,          RETRYABLE",
        "429, too_many_requests,      RETRYABLE",
        "500, internal_error,         RETRYABLE",
        "502, -,                      RETRYABLE",
        "503, service_unavailable,    RETRYABLE",
        "504, -,                      RETRYABLE"})
    void anAnswerIsClassifiedByItsStatusAndCode(int status, String code, ApiFailure kind) {
        assertThat(new OmiseApiException(status, code, "message").failure()).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void noDefiniteAnswerMayBeTriedAgainAndABadRequestIsRefusedBeforeItLeaves() {
        assertThat(new OmiseTransportException("timed out", null).failure()).isEqualTo(ApiFailure.RETRYABLE);
        assertThat(new MalformedResponseException("not JSON", null).failure()).isEqualTo(ApiFailure.RETRYABLE);
        assertThat(new InvalidRequestException("amount", "too small").failure()).isEqualTo(ApiFailure.REFUSED);
    }
}
