package com.scantill.simulator;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** Something that goes wrong with one request, injected through {@link FaultInjector}. */
public sealed interface Fault {

    /** The request waits {@code delay} before it is handled. */
    record Latency(Duration delay) implements Fault {
    }

    /** The request is answered with an Omise error object and {@code status} (5xx, 429, or any other), and not handled. */
    record ErrorAnswer(int status, String code, Duration retryAfter) implements Fault {
        public static ErrorAnswer serverError() {
            return new ErrorAnswer(500, "internal_error", null);
        }

        public static ErrorAnswer rateLimited(Duration retryAfter) {
            return new ErrorAnswer(429, "too_many_requests", retryAfter);
        }
    }

    /** A gateway in front of the API answers with an HTML page instead of JSON; the request is not handled. */
    record GatewayPage(int status) implements Fault {
    }

    /** The connection is closed before the request is handled. */
    record DropConnection() implements Fault {
    }

    /** The request is handled (a charge is created) but the connection closes before the answer is sent. */
    record LoseResponse() implements Fault {
    }

    /**
     * The request is handled, and its JSON answer is altered on the way out, as a broken or hostile API in front of
     * the till would: for tests of what the till believes.
     */
    record AlteredAnswer(UnaryOperator<String> alter) implements Fault {
    }
}
