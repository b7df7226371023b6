package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;

import com.scantill.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on a real H2 file. */
class LedgerTest {

    @TempDir
    Path dataFolder;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private static Sale sale(String reference) {
        return Sale.created(reference, "till-1", "cashier-1", 150_000, "THB", PaymentMethod.WECHAT_PAY, "**************5093", NOW);
    }

    private static void write(Ledger ledger, Sale sale) {
        ledger.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-1", sale.amount(), null, NOW));
    }

    @Test
    void keepsASaleAndEveryChangeWithTheEventThatExplainsIt() {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            Sale created = sale("till-1-A");
            write(ledger, created);
            Sale paid = created.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_1").fees(2475, 173, 147_352)
                    .paidAt(NOW.plusSeconds(5)).finishedAt(NOW.plusSeconds(5)).build();
            Sale written = ledger.sales().update(paid, SaleEvent.of(EventKind.STATUS_SEEN, paid, null, null, "PENDING -> SUCCESSFUL",
                    NOW.plusSeconds(5)));

            assertThat(written.version()).isEqualTo(paid.version() + 1);
            assertThat(ledger.sales().sale("till-1-A")).contains(written);
            assertThat(ledger.sales().events("till-1-A")).extracting(SaleEvent::kind)
                    .containsExactly(EventKind.SALE_CREATED, EventKind.STATUS_SEEN);
            assertThat(ledger.sales().events("till-1-A").get(1).statusAfter()).isEqualTo(SaleStatus.SUCCESSFUL);
            assertThat(ledger.sales().unfinishedSales()).isEmpty();
        }
    }

    @Test
    void keepsEverythingAcrossARestart() {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            write(ledger, sale("till-1-B"));
        }
        try (Ledger reopened = Ledger.open(dataFolder)) {
            assertThat(reopened.sales().sale("till-1-B")).contains(sale("till-1-B"));
            assertThat(reopened.sales().unfinishedSales()).extracting(Sale::tillReference).containsExactly("till-1-B");
        }
    }

    @Test
    void refusesARefundTotalAboveTheAmountAndAChargeUsedTwice() {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            Sale first = sale("till-1-C");
            write(ledger, first);
            Sale over = first.toBuilder().refundedAmount(first.amount() + 1).build();
            assertThatThrownBy(() -> ledger.sales().update(over, SaleEvent.of(EventKind.REFUNDED, over, "s", 1L, null, NOW)))
                    .isInstanceOf(LedgerException.class);

            Sale charged = first.toBuilder().chargeId("chrg_test_same").build();
            ledger.sales().update(charged, SaleEvent.of(EventKind.CHARGE_CREATED, charged, null, null, null, NOW));
            Sale second = sale("till-1-D");
            write(ledger, second);
            Sale sameCharge = second.toBuilder().chargeId("chrg_test_same").build();
            assertThatThrownBy(() -> ledger.sales().update(sameCharge, SaleEvent.of(EventKind.CHARGE_CREATED, sameCharge, null, null, null, NOW)))
                    .isInstanceOf(LedgerException.class);

            assertThat(ledger.sales().events("till-1-D")).extracting(SaleEvent::kind).containsExactly(EventKind.SALE_CREATED);
        }
    }

    @Test
    void aCopyOfASaleOlderThanTheLedgersIsNeverWrittenOverIt() {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            Sale read = sale("till-1-E");
            write(ledger, read);
            Sale readAgain = ledger.sales().sale("till-1-E").orElseThrow();
            Sale abandoned = readAgain.toBuilder().abandoned(true).build();
            ledger.sales().update(abandoned, SaleEvent.of(EventKind.ABANDONED, abandoned, "cashier-1", null, null, NOW));

            Sale fromTheOlderCopy = read.toBuilder().status(SaleStatus.EXPIRED).build();
            assertThatThrownBy(() -> ledger.sales().update(fromTheOlderCopy, SaleEvent.of(EventKind.STATUS_SEEN, fromTheOlderCopy,
                    null, null, null, NOW)))
                    .isInstanceOf(StaleSaleException.class)
                    .hasMessageContaining("till-1-E");

            Sale kept = ledger.sales().sale("till-1-E").orElseThrow();
            assertThat(kept.abandoned()).isTrue();
            assertThat(kept.status()).isEqualTo(SaleStatus.CREATED);
            assertThat(kept.version()).isEqualTo(1);
            assertThat(ledger.sales().events("till-1-E")).extracting(SaleEvent::kind)
                    .containsExactly(EventKind.SALE_CREATED, EventKind.ABANDONED);
        }
    }

    @Test
    void aSecondOpeningInThisProcessGetsAClearMessage() {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            assertThatThrownBy(() -> Ledger.open(dataFolder))
                    .isInstanceOf(LedgerInUseException.class)
                    .hasMessageContaining("ScanTill is already running with the data folder")
                    .hasMessageContaining("Close the other copy first");
            assertThat(ledger.sales().recentSales(1)).isEmpty();
        }
    }

    @Test
    void aSecondCopyOfTheApplicationGetsAClearMessage() throws Exception {
        try (Ledger ledger = Ledger.open(dataFolder)) {
            assertThat(runSecondCopy()).startsWith("in use: ScanTill is already running with the data folder");
        }
        assertThat(runSecondCopy()).isEqualTo("opened");
    }

    private String runSecondCopy() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerOpener.class.getName(), dataFolder.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void backsUpDailyKeepsTheLastThirtyAndABackupRestores() throws Exception {
        MutableClock clock = new MutableClock();
        try (Ledger ledger = Ledger.open(dataFolder)) {
            write(ledger, sale("till-1-E"));
            LedgerBackups backups = new LedgerBackups(ledger, dataFolder, clock);

            assertThat(backups.backupIfDue()).isPresent();
            assertThat(backups.backupIfDue()).isEmpty();
            clock.advance(Duration.ofDays(1));
            assertThat(backups.backupIfDue()).isPresent();
            for (int i = 0; i < 31; i++) {
                clock.advance(Duration.ofMinutes(1));
                backups.backupNow();
            }

            List<Path> kept = backups.backups();
            assertThat(kept).hasSize(LedgerBackups.KEPT);
            assertThat(kept).allSatisfy(path -> assertThat(path.getParent()).isEqualTo(dataFolder.resolve("backups")));

            Path restoredFolder = dataFolder.resolve("restored");
            Restore.execute(kept.get(kept.size() - 1).toString(), restoredFolder.resolve("ledger").toString(), "scantill");
            try (Ledger restored = Ledger.open(restoredFolder)) {
                assertThat(restored.sales().sale("till-1-E")).contains(sale("till-1-E"));
            }
        }
    }
}
