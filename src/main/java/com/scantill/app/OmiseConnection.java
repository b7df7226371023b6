package com.scantill.app;

import com.scantill.omise.ApiFailure;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.OmiseException;
import com.scantill.omise.SecretKey;
import com.scantill.simulator.OmiseSimulator;
import java.net.URI;
import java.util.Optional;

/**
 * The till's way to Omise: the real API with the configured key, or, in training mode, the embedded simulator on
 * this computer, started here and stopped on {@link #close()}.
 */
public final class OmiseConnection implements AutoCloseable {

    static final SecretKey TRAINING_KEY = SecretKey.of("skey_test_scantill_training");
    /** Where training keeps the simulator's charges, beside its ledger, so that they outlive a restart. */
    public static final String TRAINING_CHARGES = "training-charges.json";

    private final TillMode mode;
    private final OmiseClient client;
    private final OmiseSimulator trainingSimulator;

    private OmiseConnection(TillMode mode, OmiseClient client, OmiseSimulator trainingSimulator) {
        this.mode = mode;
        this.client = client;
        this.trainingSimulator = trainingSimulator;
    }

    public static OmiseConnection open(Settings settings) {
        if (settings.mode() == TillMode.TRAINING) {
            OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().forTraining()
                    .confirmDelay(settings.options().trainingCustomerDelay())
                    .storeIn(settings.modeFolder().resolve(TRAINING_CHARGES)));
            return new OmiseConnection(TillMode.TRAINING,
                    OmiseClient.builder(TRAINING_KEY).baseUri(simulator.baseUri()).build(), simulator);
        }
        return new OmiseConnection(settings.mode(),
                OmiseClient.builder(settings.secretKey()).baseUri(settings.apiUrl()).build(), null);
    }

    public TillMode mode() {
        return mode;
    }

    public OmiseClient client() {
        return client;
    }

    public URI apiUrl() {
        return client.baseUri();
    }

    /** Asks Omise for one charge: whether it answers, and accepts the key. Calls Omise: never on the FX thread. */
    public OmiseReach reach() {
        try {
            client.listCharges(ListRequest.firstPage().withLimit(1));
            return OmiseReach.REACHABLE;
        } catch (OmiseException e) {
            return e.failure() == ApiFailure.ACCOUNT ? OmiseReach.KEY_REFUSED : OmiseReach.UNREACHABLE;
        }
    }

    /**
     * The customer answers on their phone, in training: the pending charge is paid ({@code approve}) or declined.
     * Calls the simulator: never on the FX thread.
     *
     * @throws IllegalStateException outside training mode, where only the customer decides
     */
    public void answerOnTrainingPhone(String chargeId, boolean approve) {
        if (trainingSimulator == null) {
            throw new IllegalStateException("Only a training till has a customer's phone to answer on.");
        }
        if (approve) {
            client.markAsPaid(chargeId);
        } else {
            client.markAsFailed(chargeId);
        }
    }

    /** The simulator playing Omise and the customer, in training mode only. */
    public Optional<OmiseSimulator> trainingSimulator() {
        return Optional.ofNullable(trainingSimulator);
    }

    @Override
    public void close() {
        client.close();
        if (trainingSimulator != null) {
            trainingSimulator.close();
        }
    }
}
