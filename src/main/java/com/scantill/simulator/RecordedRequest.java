package com.scantill.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * A request the simulator received, for tests and benchmarks. {@code params} are the decoded form or query
 * parameters; the {@code Authorization} header is never recorded.
 *
 * @param chargeId    the charge the request named in its path, or {@code null}
 * @param completedAt when the simulator finished with it (answered, or dropped the connection)
 */
public record RecordedRequest(
        Instant receivedAt,
        Instant completedAt,
        String method,
        String path,
        Route route,
        String chargeId,
        Map<String, String> params,
        Map<String, String> headers,
        int answeredStatus) {
}
