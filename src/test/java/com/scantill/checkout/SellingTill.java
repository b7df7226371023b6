package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.PaymentCode;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.RetryPolicy;
import com.scantill.omise.SecretKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A till in a process of its own that sells one sale after another until it is killed: what {@link CrashLoopTest}
 * kills at random moments. Its start is the recovery of whatever the previous one left.
 * Arguments: data folder, simulator URI, first payment code, how many codes it may use.
 */
public final class SellingTill {

    static final String TILL_ID = "till-9";

    private SellingTill() {
    }

    static CheckoutSettings settings() {
        return CheckoutSettings.defaults(TILL_ID)
                .withPolling(PollingSchedule.adaptive().dividedBy(20))
                .withPendingLimit(Duration.ofMillis(400))
                .withReconciliation(new ReconcilePolicy(4, Duration.ofMillis(100), Duration.ofMinutes(10)))
                .withSweepInterval(Duration.ofHours(1));
    }

    static OmiseClient client(URI simulator) {
        return OmiseClient.builder(SecretKey.of("skey_test_sellingtill")).baseUri(simulator)
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(2))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(20))).build();
    }

    public static void main(String[] args) throws Exception {
        Ledger ledger = Ledger.open(Path.of(args[0]));
        OmiseClient client = client(URI.create(args[1]));
        long firstCode = Long.parseLong(args[2]);
        int codes = Integer.parseInt(args[3]);
        CheckoutEngine engine = new CheckoutEngine(ledger, client, settings(), TestStaff.APPROVING_AS_ASKED);
        Map<String, CountDownLatch> finished = new ConcurrentHashMap<>();
        engine.addListener(state -> {
            if (state.sale().status().isFinal()) {
                finished.computeIfAbsent(state.tillReference(), reference -> new CountDownLatch(1)).countDown();
            }
        });
        engine.start().join();
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; i < codes; i++) {
            String reference;
            try {
                reference = engine.startSale(5_000, PaymentCode.parse(Long.toString(firstCode + i)), "cashier").join().tillReference();
            } catch (RuntimeException stillSettlingAnEarlierSale) {
                Thread.sleep(50);
                continue;
            }
            System.out.println("SALE " + reference);
            System.out.flush();
            finished.computeIfAbsent(reference, key -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS);
        }
        Thread.sleep(60_000);
    }
}
