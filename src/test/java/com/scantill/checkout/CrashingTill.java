package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.PaymentCode;
import com.scantill.model.SaleStatus;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.SecretKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A till in a process of its own, killed by the test while its charge request is on its way. */
public final class CrashingTill {

    private CrashingTill() {
    }

    public static void main(String[] args) throws Exception {
        Ledger ledger = Ledger.open(Path.of(args[0]));
        OmiseClient client = OmiseClient.builder(SecretKey.of("skey_test_crashingtill"))
                .baseUri(URI.create(args[1])).responseTimeout(Duration.ofSeconds(30)).build();
        CheckoutEngine engine = new CheckoutEngine(ledger, client, CheckoutSettings.defaults("till-9"), TestStaff.WITHOUT_APPROVALS);
        String reference = engine.startSale(25_000, PaymentCode.parse(args[2]), "cashier").join().tillReference();
        while (ledger.sales().sale(reference).orElseThrow().status() != SaleStatus.CREATING) {
            Thread.sleep(5);
        }
        System.out.println("SENT " + reference);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
