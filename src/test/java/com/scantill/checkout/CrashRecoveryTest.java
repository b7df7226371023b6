package com.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import com.scantill.model.EventKind;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.Route;
import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's process killed outright (SIGKILL) while its charge request is on its way: the next start finds the
 * sale in the ledger, reconciles it with Omise, and ends it with its one charge.
 */
class CrashRecoveryTest {

    @TempDir
    Path dataFolder;

    @Test
    void aSaleInFlightWhenTheProcessIsKilledIsFoundAndFinishedOnTheNextStart() throws Exception {
        try (OmiseSimulator simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(100)))) {
            simulator.faults().once(Route.CREATE_CHARGE, new Fault.Latency(Duration.ofSeconds(2)));
            String code = PaymentCodes.randomDigits();
            Process till = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingTill.class.getName(), dataFolder.toString(),
                    simulator.baseUri().toString(), code)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String reference;
            try (BufferedReader output = new BufferedReader(new InputStreamReader(till.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = output.readLine();
                } while (line != null && !line.startsWith("SENT "));
                assertThat(line).as("the crashing till sent its charge").isNotNull();
                reference = line.substring("SENT ".length());
                // "SENT" is printed once the ledger says CREATING, just before the request leaves; give it time to
                // reach the simulator, which then holds it for two seconds.
                Thread.sleep(500);
            } finally {
                till.destroyForcibly();
                till.waitFor(10, TimeUnit.SECONDS);
            }

            try (Ledger ledger = Ledger.open(dataFolder);
                 var client = TestClients.clientFor(simulator)) {
                assertThat(ledger.sales().sale(reference).orElseThrow().status()).isEqualTo(SaleStatus.CREATING);
                CheckoutEngine engine = new CheckoutEngine(ledger, client, CheckoutSettings.defaults("till-9")
                        .withPolling(PollingSchedule.adaptive().dividedBy(10))
                        .withReconciliation(new ReconcilePolicy(20, Duration.ofMillis(250), Duration.ofMinutes(10))),
                        TestStaff.WITHOUT_APPROVALS);
                try {
                    engine.start().join();
                    await().atMost(Duration.ofSeconds(20)).until(() -> ledger.sales().sale(reference).orElseThrow().status().isFinal());
                } finally {
                    engine.close();
                }

                Sale sale = ledger.sales().sale(reference).orElseThrow();
                assertThat(sale.status()).isEqualTo(SaleStatus.SUCCESSFUL);
                assertThat(simulator.charges()).singleElement().satisfies(charge -> {
                    assertThat(charge.tillReference()).isEqualTo(reference);
                    assertThat(charge.id()).isEqualTo(sale.chargeId());
                });
                assertThat(ledger.sales().events(reference)).extracting(SaleEvent::kind).containsSubsequence(
                        EventKind.SALE_CREATED, EventKind.CHARGE_REQUESTED, EventKind.RECOVERED, EventKind.RECONCILED_FOUND);
                assertThat(simulator.requests()).filteredOn(request -> request.route() == Route.CREATE_CHARGE).hasSize(1);
            }
        }
    }
}
