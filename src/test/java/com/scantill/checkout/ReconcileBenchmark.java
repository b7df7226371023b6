package com.scantill.checkout;

import com.scantill.ledger.Ledger;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.PaymentMethod;
import com.scantill.model.ReconciliationRun;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.Charge;
import com.scantill.omise.ChargeCreation;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.OmiseClient;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.Route;
import com.scantill.testing.MutableClock;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the checks against Omise; asserts nothing. Run with
 * {@code ./mvnw test -Dtest=ReconcileBenchmark -DexcludedTestGroups=none}; the table lands in
 * {@code target/benchmark-reconcile.md}.
 */
@Tag("benchmark")
class ReconcileBenchmark {

    private static final int DAY_OF_SALES = 2_000;

    @TempDir
    Path dataFolder;

    @Test
    void reconciliations() throws Exception {
        StringBuilder report = new StringBuilder("| check | charges on the account | requests | wall time |\n|---|---|---|---|\n");
        report.append(endOfDay());
        for (int charges : new int[] {10, 10_000}) {
            report.append(lostCreate(charges));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-reconcile.md"), report);
    }

    /** A day of 2,000 paid sales checked against Omise: every page of the day's charges, nothing else. */
    private String endOfDay() {
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ZERO));
             OmiseClient client = TestClients.clientFor(simulator);
             Ledger ledger = Ledger.open(dataFolder.resolve("day"))) {
            for (int i = 0; i < DAY_OF_SALES; i++) {
                String reference = String.format("till-1-%05d", i);
                ChargeCreation created = client.createCharge(CreateChargeRequest.of(10_000 + i, PaymentCodes.random(), reference)
                        .withMetadata(Map.of(CheckoutEngine.TILL_ID_KEY, "till-1", CheckoutEngine.OPERATOR_ID_KEY, "cashier")));
                Charge charge = client.retrieveCharge(((ChargeCreation.Created) created).charge().id());
                Sale sale = SaleFromCharge.merged(Sale.created(reference, "till-1", "cashier", charge.amount(), "THB", PaymentMethod.WECHAT_PAY,
                        "**************0000", charge.createdAt()), charge, charge.createdAt());
                ledger.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier", sale.amount(), null, sale.createdAt()));
            }
            Reconciler reconciler = new Reconciler(ledger, client, "till-1", TestStaff.WITHOUT_APPROVALS, Clock.systemUTC(),
                    Duration.ofMinutes(10));
            LocalDate day = LocalDate.now(ZoneOffset.UTC);
            reconciler.check(day, ZoneOffset.UTC, null, "warm-up");
            long started = System.nanoTime();
            ReconciliationRun run = reconciler.check(day, ZoneOffset.UTC, null, "benchmark");
            double millis = (System.nanoTime() - started) / 1e6;
            return String.format(Locale.ROOT, "| end of day, %d sales (%d agree, %d differ) | %d | %d | %.0f ms |%n",
                    DAY_OF_SALES, run.agreeing(), run.differing(), DAY_OF_SALES, run.requests(), millis);
        }
    }

    /**
     * A sale whose create answer was lost, with {@code charges} on the account made over the hours before it (one a
     * minute, ten at a time): the search lists only the minutes around the sale.
     */
    private String lostCreate(int charges) throws Exception {
        MutableClock clock = new MutableClock();
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().clock(clock));
             OmiseClient client = TestClients.clientFor(simulator);
             Ledger ledger = Ledger.open(dataFolder.resolve("lost-" + charges))) {
            for (int i = 0; i < charges; i++) {
                client.createCharge(CreateChargeRequest.of(2_000, PaymentCodes.random(), "other-" + i));
                if (i % 10 == 9) {
                    clock.advance(Duration.ofMinutes(1));
                }
            }
            try (CheckoutEngine engine = new CheckoutEngine(ledger, client, CheckoutSettings.defaults("till-1")
                    .withReconciliation(new ReconcilePolicy(3, Duration.ofMillis(50), Duration.ofMinutes(10)))
                    .withSweepInterval(Duration.ofHours(1)).withClock(clock), TestStaff.WITHOUT_APPROVALS)) {
                engine.start().join();
                simulator.faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());
                simulator.clearRequests();
                long started = System.nanoTime();
                String reference = engine.startSale(5_000, PaymentCode.parse(PaymentCodes.randomDigits()), "cashier").join()
                        .tillReference();
                while (ledger.sales().sale(reference).orElseThrow().status() != SaleStatus.PENDING
                        && !ledger.sales().sale(reference).orElseThrow().status().isFinal()) {
                    Thread.sleep(5);
                }
                double millis = (System.nanoTime() - started) / 1e6;
                long searches = simulator.requests().stream().filter(request -> request.route() == Route.LIST_CHARGES).count();
                return String.format(Locale.ROOT, "| a lost create found (%s) | %d | %d list pages | %.0f ms |%n",
                        ledger.sales().sale(reference).orElseThrow().status(), charges, searches, millis);
            }
        }
    }
}
