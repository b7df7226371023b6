package com.scantill.app;

import com.scantill.ledger.Ledger;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.WebhookSignature;
import com.scantill.webhooks.StoreService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The shop's store service, headless, on the machine beside the store's PostgreSQL:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=com.scantill.app.StoreServiceMain}, or the systemd unit in
 * {@code packaging/}. It reads the same settings as a till (the data folder's {@code settings.properties} or the
 * environment): the store's address, the Omise key, and its own ({@link StoreServiceSettings}). It runs until stopped.
 */
public final class StoreServiceMain {

    /** How far a webhook's signature time may be from the service's clock: a replay later than that is refused. */
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    private StoreServiceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SettingsStore store = SettingsStore.forThisMachine();
        Settings settings = store.load();
        StoreServiceSettings own = store.storeService();
        StoreSettings where = settings.store().orElseThrow(() -> new IllegalArgumentException(
                "The store service needs the store's address: " + StoreSettings.URL + " or SCANTILL_STORE_URL"));
        if (settings.mode() == TillMode.TRAINING) {
            throw new IllegalArgumentException("The store service asks Omise about charges with the shop's key: set "
                    + SettingsStore.SECRET_KEY + " or OMISE_SECRET_KEY");
        }
        Ledger ledger = Ledger.openStore(where.connections("store-service"), settings.modeFolder());
        OmiseClient omise = OmiseClient.builder(settings.secretKey()).baseUri(settings.apiUrl()).build();
        WebhookSignature signature = own.webhookSecret() == null ? null
                : WebhookSignature.withSecret(own.webhookSecret(), SIGNATURE_TOLERANCE);
        StoreService service = StoreService.start(ledger, omise, signature,
                StoreService.Options.standard().withHost(own.host()).withPort(own.port()), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            omise.close();
            ledger.close();
            stopped.countDown();
        }));
        System.out.println("ScanTill store service receiving Omise's webhooks at " + service.webhookUri()
                + " (Ctrl-C stops it)");
        stopped.await();
    }
}
