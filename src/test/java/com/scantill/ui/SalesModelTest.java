package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.SaleOrder;
import com.scantill.model.SaleStatus;
import com.scantill.reports.DailyReports;
import com.scantill.reports.PeriodReports;
import com.scantill.reports.ReportPeriod;
import com.scantill.testing.PaymentCodes;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sales screen's model over a real till in training, no screen: its period as days go by, its filter and sums. */
class SalesModelTest {

    @TempDir
    Path dataFolder;

    private TrainingTill till;
    private final SettableClock clock = new SettableClock(Instant.now());
    private SalesModel sales;

    @BeforeEach
    void oneSalePaidToday() throws Exception {
        till = new TrainingTill(dataFolder, 1);
        till.sell("500", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> till.panelTitle().equals("PAID ฿500.00"));
        Words english = Words.of(Language.EN, DailyReports.BANGKOK);
        CashierMessages words = new CashierMessages(() -> english);
        Notice message = new Notice();
        TransactionsModel found = new TransactionsModel(till.runtime, till.session,
                new ApprovedActions(till.pinPrompt, till.fx, message, words), till.fx, message, clock, DailyReports.BANGKOK, words);
        sales = new SalesModel(new SalesModel.Source(till.runtime.ledger(), new PeriodReports(till.runtime.ledger(), clock)), null,
                found, message, till.session, till.fx, till.runtime.settings().modeFolder(), DailyReports.BANGKOK, clock, words);
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void todayIsWorkedOutAgainEachTimeTheScreenOpensAndAChosenPeriodStays() {
        clock.set(Instant.parse("2026-11-26T16:30:00Z"));
        sales.activate();
        assertThat(period()).isEqualTo(ReportPeriod.day(LocalDate.of(2026, 11, 26)));

        // Half past midnight in Bangkok: a till left open overnight shows the new day when the screen opens again.
        clock.set(Instant.parse("2026-11-26T17:30:00Z"));
        sales.activate();
        assertThat(period()).isEqualTo(ReportPeriod.day(LocalDate.of(2026, 11, 27)));

        sales.presetProperty().set(ReportPeriod.Preset.LAST_MONTH);
        assertThat(period()).isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));

        sales.firstProperty().set(LocalDate.of(2026, 10, 10));
        assertThat(sales.presetProperty().get()).isEqualTo(ReportPeriod.Preset.CHOSEN);
        clock.set(Instant.parse("2026-12-05T03:00:00Z"));
        sales.activate();
        assertThat(period()).isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 31)));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedAndNothingIsRead() {
        sales.activate();
        till.fx.runUntil(() -> sales.sales().size() == 1);
        LocalDate first = sales.firstProperty().get();

        sales.lastProperty().set(first.minusDays(3));

        assertThat(sales.messageProperty().get()).startsWith("The period cannot end");
        assertThat(sales.reportProperty().get().period()).isEqualTo(ReportPeriod.day(first));
    }

    @Test
    void theTableAndItsSumsFollowTheStatusAndOrderChosen() {
        till.sell("120", PaymentCodes.randomDigits());
        till.fx.runUntil(() -> till.panelTitle().equals("PAID ฿120.00"));
        sales.activate();
        till.fx.runUntil(() -> sales.sales().size() == 2);
        assertThat(sales.filteredSumProperty().get().paidAmount()).isEqualTo(62_000);
        assertThat(sales.sales()).extracting(sale -> sale.amount()).containsExactly(50_000L, 12_000L);
        assertThat(sales.periodTotalsProperty().get()).startsWith("Successful: 2 · ฿620.00");

        sales.orderProperty().set(SaleOrder.AMOUNT_LOWEST);
        assertThat(sales.sales()).extracting(sale -> sale.amount()).containsExactly(12_000L, 50_000L);

        sales.statusProperty().set(SaleStatus.FAILED);
        assertThat(sales.sales()).isEmpty();
        assertThat(sales.filteredSumProperty().get().sales()).isZero();
        assertThat(sales.filteredSumTextProperty().get()).startsWith("Shown: 0 sales · ฿0.00");
    }

    private ReportPeriod period() {
        return new ReportPeriod(sales.firstProperty().get(), sales.lastProperty().get());
    }

    /** A clock a test sets, in any zone. */
    private static final class SettableClock extends Clock {

        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return DailyReports.BANGKOK;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
