package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.model.Sale;
import com.scantill.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;

/** The ledger on a real H2 file: what every ledger keeps, and what a till's own file adds (its lock, restarts, backups). */
class LedgerTest extends LedgerContract {

    @Override
    Ledger openLedger() {
        return Ledger.open(dataFolder);
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
