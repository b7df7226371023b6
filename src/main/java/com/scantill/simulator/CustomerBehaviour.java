package com.scantill.simulator;

import java.time.Duration;

/** What the simulated customer does with a charge made from their payment code. */
public sealed interface CustomerBehaviour {

    /** Confirms the payment in the app after {@code after}. */
    record Pays(Duration after) implements CustomerBehaviour {
    }

    /** The payment fails after {@code after} with one of the failure codes of the WeChat Pay UPM page. */
    record Fails(Duration after, String failureCode, String failureMessage) implements CustomerBehaviour {
    }

    /** Never confirms: the charge stays pending until it is expired or reaches {@code expires_at}. */
    record NeverConfirms() implements CustomerBehaviour {
    }
}
