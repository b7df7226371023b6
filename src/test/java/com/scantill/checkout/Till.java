package com.scantill.checkout;

import static org.awaitility.Awaitility.await;

import com.scantill.app.OperatorsAsStaff;
import com.scantill.ledger.Ledger;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.Role;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.omise.OmiseClient;
import com.scantill.operators.Operator;
import com.scantill.operators.Operators;
import com.scantill.operators.PinHasher;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.testing.MutableClock;
import com.scantill.testing.TestClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A till for tests: a real H2 ledger file, the API client over HTTP to a simulator, and an engine on fast timings. */
final class Till implements AutoCloseable {

    static final Duration PENDING_LIMIT = Duration.ofMillis(800);
    static final String SUPERVISOR_PIN = "864213";

    final OmiseSimulator simulator;
    final Path dataFolder;
    final MutableClock clock = new MutableClock();
    final List<SaleState> seen = new CopyOnWriteArrayList<>();
    OmiseClient client;
    Ledger ledger;
    CheckoutEngine engine;
    CheckoutSettings settings;
    Operators operators;

    Till(OmiseSimulator simulator, Path dataFolder) {
        this.simulator = simulator;
        this.dataFolder = dataFolder;
        this.settings = fastSettings("till-1");
        this.client = TestClients.clientFor(simulator);
        open();
    }

    CheckoutSettings fastSettings(String tillId) {
        return CheckoutSettings.defaults(tillId)
                .withPolling(PollingSchedule.adaptive().dividedBy(20))
                .withPendingLimit(PENDING_LIMIT)
                .withReconciliation(new ReconcilePolicy(3, Duration.ofMillis(100), Duration.ofMinutes(10)))
                .withSweepInterval(Duration.ofHours(1))
                .withClock(clock);
    }

    void open() {
        ledger = Ledger.open(dataFolder);
        operators = new Operators(ledger.operators(), new PinHasher(1_000), clock);
        if (operators.needFirstManager()) {
            Operator manager = operators.createFirstManager("manager-1", "Manager", SUPERVISOR_PIN.toCharArray());
            operators.add(manager, "supervisor-1", "Supervisor One", Role.SUPERVISOR, SUPERVISOR_PIN.toCharArray());
            operators.add(manager, "supervisor-2", "Supervisor Two", Role.SUPERVISOR, SUPERVISOR_PIN.toCharArray());
            operators.add(manager, "cashier-1", "Cashier One", Role.CASHIER, "4321".toCharArray());
        }
        engine = new CheckoutEngine(ledger, client, settings, new OperatorsAsStaff(operators));
        engine.addListener(seen::add);
    }

    /** Replaces the engine by one with other settings, on the same ledger, started. */
    void reconfigure(CheckoutSettings newSettings) {
        engine.close();
        settings = newSettings;
        engine = new CheckoutEngine(ledger, client, settings, new OperatorsAsStaff(operators));
        engine.addListener(seen::add);
        engine.start().join();
    }

    /** A supervisor's approval of expiring the sale, given with their PIN as at the till. */
    Approval approveExpiry(String reference) {
        long amount = ledger.sales().sale(reference).orElseThrow().amount();
        return operators.approve("supervisor-1", SUPERVISOR_PIN.toCharArray(),
                new ApprovalRequest(ApprovalRequest.Action.EXPIRE, reference, amount));
    }

    /** A supervisor's approval of refunding {@code amount} of the sale. */
    Approval approveRefund(String reference, long amount, String supervisorId) {
        return operators.approve(supervisorId, SUPERVISOR_PIN.toCharArray(),
                new ApprovalRequest(ApprovalRequest.Action.REFUND, reference, amount));
    }

    /** Stops the engine wherever it is, as a crash would, and closes the ledger. */
    void stop() {
        engine.close();
        ledger.close();
    }

    Sale awaitStatus(String reference, SaleStatus status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.sales().sale(reference).map(Sale::status).orElse(null) == status);
        return ledger.sales().sale(reference).orElseThrow();
    }

    Sale awaitFinal(String reference) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.sales().sale(reference).map(sale -> sale.status().isFinal()).orElse(false));
        return ledger.sales().sale(reference).orElseThrow();
    }

    @Override
    public void close() {
        engine.close();
        ledger.close();
        client.close();
    }
}
