package com.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.scantill.app.OperatorsAsStaff;
import com.scantill.ledger.LostRows;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.model.DifferenceKind;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentCode;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.omise.CreateChargeRequest;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.reports.CsvReportWriter;
import com.scantill.reports.DailyReport;
import com.scantill.reports.DailyReports;
import com.scantill.reports.ReportLayout;
import com.scantill.reports.OmiseCheckWords;
import com.scantill.reports.ReportLine;
import com.scantill.words.Language;
import com.scantill.words.Words;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.testing.PaymentCodes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-of-day check against the simulator over real HTTP: each kind of difference found, shown and settled. */
class ReconcilerTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Words ENGLISH = Words.of(Language.EN, BANGKOK);

    @TempDir
    Path dataFolder;

    private OmiseSimulator simulator;
    private Till till;

    @BeforeEach
    void start() {
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMillis(100)));
        till = new Till(simulator, dataFolder);
        till.engine.start().join();
    }

    @AfterEach
    void stop() {
        till.close();
        simulator.close();
    }

    private Reconciler reconciler() {
        return new Reconciler(till.ledger, till.client, "till-1", new OperatorsAsStaff(till.operators), till.clock, Duration.ofMinutes(10));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(till.clock.instant(), BANGKOK);
    }

    private ReconciliationRun check() {
        return reconciler().check(today(), BANGKOK, null, "manager-1");
    }

    private Sale paidSale(long amount) {
        String reference = till.engine.startSale(amount, PaymentCodes.random(), "cashier-1").join().tillReference();
        return till.awaitStatus(reference, SaleStatus.SUCCESSFUL);
    }

    private Approval approval(ReconciliationDifference difference, long amount) {
        return till.operators.approve("supervisor-1", Till.SUPERVISOR_PIN.toCharArray(),
                new ApprovalRequest(ApprovalRequest.Action.ACCEPT_OMISE_STATE, difference.tillReference(), amount));
    }

    private ReconciliationDifference onlyDifference(ReconciliationRun run) {
        assertThat(run.differing()).isEqualTo(1);
        return assertThat(till.ledger.reconciliations().differences(run.id())).singleElement().actual();
    }

    @Test
    void aDayTheLedgerAndOmiseAgreeOnIsReportedSoWithTheRequestsItTook() {
        Sale paid = paidSale(150_000);
        till.engine.refund(paid.tillReference(), 50_000, "cashier-1", till.approveRefund(paid.tillReference(), 50_000,
                "supervisor-1")).join();
        String failed = till.engine.startSale(2_000, PaymentCode.parse("130000000000000004"), "cashier-1").join().tillReference();
        till.awaitStatus(failed, SaleStatus.FAILED);

        ReconciliationRun run = check();

        assertThat(run).extracting(ReconciliationRun::agreeing, ReconciliationRun::differing, ReconciliationRun::requests).containsExactly(2, 0, 1);
        assertThat(till.ledger.reconciliations().latest(today(), null)).map(ReconciliationRun::id).contains(run.id());
        assertThat(till.ledger.reconciliations().differences(run.id())).isEmpty();
    }

    @Test
    void aRefundMadeInOmisesDashboardIsFoundAndTakenInAsARefundOfItsOwn() {
        Sale paid = paidSale(80_000);
        String refundId = till.client.createRefund(paid.chargeId(), new CreateRefundRequest(30_000, "dashboard")).id();

        ReconciliationDifference difference = onlyDifference(check());
        assertThat(difference).extracting(ReconciliationDifference::kind, ReconciliationDifference::inLedger, ReconciliationDifference::atOmise)
                .containsExactly(DifferenceKind.REFUNDS, "฿0.00", "฿300.00");
        assertThat(till.ledger.sales().sale(paid.tillReference()).orElseThrow().refundedAmount()).as("the ledger never changes by itself")
                .isZero();

        DailyReport report = new DailyReports(till.ledger, till.clock).build(today(), BANGKOK, null, "Manager");
        assertThat(ReportLayout.A4.lines(report, ENGLISH)).extracting(ReportLine::text)
                .anyMatch(line -> line.matches("Checked against Omise at \\d\\d:\\d\\d — 0 agree, 1 differ"))
                .anyMatch(line -> line.startsWith("Refunds differ · " + paid.tillReference() + ": ledger refunded ฿0.00; Omise"));
        assertThat(ReportLayout.A4.lines(report, Words.of(Language.TH, BANGKOK))).extracting(ReportLine::text)
                .contains("การคืนเงินไม่ตรงกัน · " + paid.tillReference() + ": ในสมุดบัญชีคืนเงิน ฿0.00; ที่ Omise คืนเงิน ฿300.00");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvReportWriter.writeOmiseCheck(report, ENGLISH, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("REFUNDS," + paid.tillReference() + "," + paid.chargeId());

        Sale accepted = reconciler().acceptOmiseState(difference.id(), approval(difference, 80_000));

        assertThat(accepted.refundedAmount()).isEqualTo(30_000);
        assertThat(till.ledger.sales().refunds(paid.tillReference())).singleElement()
                .extracting(RefundRecord::refundId, RefundRecord::amount, RefundRecord::approvedBy)
                .containsExactly(refundId, 30_000L, "supervisor-1");
        assertThat(till.ledger.sales().events(paid.tillReference())).extracting(SaleEvent::kind)
                .containsSubsequence(EventKind.EXTERNAL_REFUND, EventKind.OMISE_STATE_ACCEPTED);
        assertThat(till.ledger.reconciliations().difference(difference.id()).orElseThrow().settledBy()).isEqualTo("supervisor-1");
        assertThat(check().differing()).isZero();
    }

    @Test
    void aChargeTheLedgerNeverSawIsFoundAndTakenInAsARecoveredSale() {
        Sale paid = paidSale(45_000);
        till.stop();
        LostRows.forgetSale(dataFolder, paid.tillReference());
        till.open();

        ReconciliationDifference difference = onlyDifference(check());
        assertThat(difference).extracting(ReconciliationDifference::kind, ReconciliationDifference::tillReference, ReconciliationDifference::chargeId)
                .containsExactly(DifferenceKind.MISSING_IN_LEDGER, paid.tillReference(), paid.chargeId());
        assertThat(till.ledger.sales().sale(paid.tillReference())).isEmpty();

        Sale accepted = reconciler().acceptOmiseState(difference.id(), approval(difference, 45_000));

        assertThat(accepted).extracting(Sale::status, Sale::amount, Sale::fee, Sale::recoveredFromOmise, Sale::operatorId)
                .containsExactly(SaleStatus.SUCCESSFUL, 45_000L, paid.fee(), true, "cashier-1");
        assertThat(till.ledger.sales().events(paid.tillReference())).extracting(SaleEvent::kind, SaleEvent::operatorId)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple(EventKind.OMISE_STATE_ACCEPTED, "supervisor-1"));
        assertThat(check().differing()).isZero();
        DailyReport report = new DailyReports(till.ledger, till.clock).build(today(), BANGKOK, null, "Manager");
        assertThat(ReportLayout.A4.lines(report, ENGLISH)).extracting(ReportLine::text)
                .contains("Recovered from Omise, to review (1)");
    }

    @Test
    void aStatusChangedBehindTheTillsBackIsFoundAndOmisesStateAccepted() {
        String reference = till.engine.startSale(9_000, PaymentCode.parse(
                com.scantill.simulator.CustomerScript.NEVER_CONFIRMS_CODE), "cashier-1").join().tillReference();
        Sale pending = till.awaitStatus(reference, SaleStatus.PENDING);
        till.stop();
        till.client.markAsPaid(pending.chargeId());
        till.open();

        ReconciliationRun run = check();
        assertThat(till.ledger.reconciliations().differences(run.id()))
                .filteredOn(difference -> difference.kind() == DifferenceKind.STATUS).singleElement()
                .extracting(ReconciliationDifference::inLedger, ReconciliationDifference::atOmise).containsExactly("PENDING", "SUCCESSFUL");
        assertThat(till.ledger.reconciliations().differences(run.id()).stream()
                .filter(difference -> difference.kind() == DifferenceKind.STATUS).map(new OmiseCheckWords(ENGLISH)::describe))
                .singleElement().asString().endsWith(": ledger WAITING; Omise PAID");
        ReconciliationDifference status = till.ledger.reconciliations().differences(run.id()).get(0);

        assertThatThrownBy(() -> reconciler().acceptOmiseState(status.id(), approval(status, 1)))
                .isInstanceOf(ApprovalRefusedException.class);
        assertThat(till.ledger.sales().sale(reference).orElseThrow().status()).isEqualTo(SaleStatus.PENDING);

        Sale accepted = reconciler().acceptOmiseState(status.id(), approval(status, 9_000));

        assertThat(accepted.status()).isEqualTo(SaleStatus.SUCCESSFUL);
        assertThat(till.ledger.sales().events(reference)).last().extracting(SaleEvent::kind, SaleEvent::operatorId)
                .containsExactly(EventKind.OMISE_STATE_ACCEPTED, "supervisor-1");
        assertThat(CheckoutEngineTest.refusalOf(catchThrowable(() -> reconciler().acceptOmiseState(status.id(), approval(status, 9_000)))))
                .isEqualTo(Refusal.withDetail(Refusal.Reason.DIFFERENCE_SETTLED, reference, "supervisor-1"));
        assertThat(check().differing()).isZero();
    }

    @Test
    void chargesOfTillsThatAreNotThisLedgersAreNotItsDifferences() {
        paidSale(5_000);
        till.client.createCharge(CreateChargeRequest.of(7_000, PaymentCodes.random(), "other-shop-1-sale")
                .withMetadata(Map.of(CheckoutEngine.TILL_ID_KEY, "other-shop-1")));

        assertThat(check()).extracting(ReconciliationRun::agreeing, ReconciliationRun::differing).containsExactly(1, 0);
        assertThat(reconciler().check(today(), BANGKOK, "till-1", "manager-1").differing()).isZero();
    }

    @Test
    void aChargeOmiseDoesNotKnowIsShownAndCannotBeAccepted() {
        Sale paid = paidSale(12_000);
        till.stop();
        till.ledger = com.scantill.ledger.Ledger.open(dataFolder);
        Sale moved = till.ledger.sales().sale(paid.tillReference()).orElseThrow().toBuilder().chargeId("chrg_test_nowhere").build();
        till.ledger.sales().update(moved, SaleEvent.of(EventKind.STATUS_SEEN, moved, null, null, "behind the till's back", moved.createdAt()));
        till.ledger.close();
        till.open();

        ReconciliationDifference difference = onlyDifference(check());
        assertThat(difference).extracting(ReconciliationDifference::kind, ReconciliationDifference::chargeId)
                .containsExactly(DifferenceKind.MISSING_AT_OMISE, "chrg_test_nowhere");

        assertThat(CheckoutEngineTest.refusalOf(catchThrowable(() -> reconciler().acceptOmiseState(difference.id(),
                approval(difference, 12_000)))))
                .isEqualTo(Refusal.withDetail(Refusal.Reason.NO_CHARGE_AT_OMISE, paid.tillReference(), "chrg_test_nowhere"));
    }
}
