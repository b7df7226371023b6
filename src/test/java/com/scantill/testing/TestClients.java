package com.scantill.testing;

import com.scantill.omise.OmiseClient;
import com.scantill.omise.RetryPolicy;
import com.scantill.omise.SecretKey;
import com.scantill.simulator.OmiseSimulator;
import java.time.Duration;

/** API clients pointed at a simulator, with short time-outs and pauses so that fault tests run quickly. */
public final class TestClients {

    public static final SecretKey TEST_KEY = SecretKey.of("skey_test_5y4zomdqoboas2g9rdstest");
    public static final RetryPolicy QUICK_RETRIES =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(2));

    private TestClients() {
    }

    public static OmiseClient.Builder builderFor(OmiseSimulator simulator) {
        return OmiseClient.builder(TEST_KEY)
                .baseUri(simulator.baseUri())
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2))
                .retryPolicy(QUICK_RETRIES);
    }

    public static OmiseClient clientFor(OmiseSimulator simulator) {
        return builderFor(simulator).build();
    }
}
