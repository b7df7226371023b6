package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.ReconciliationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till checks the day before against Omise by itself, once, when the day and Omise's clock have closed it. */
class EndOfDayCheckTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @TempDir
    Path dataFolder;

    @Test
    void theDayBeforeIsCheckedOnceAfterItsCloseAndNotBefore() throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "operators.pinHashIterations=1000\n");
        Settings settings = new SettingsStore(dataFolder, Map.of()).load();
        try (TillRuntime runtime = TillRuntime.open(settings)) {
            LocalDate day = LocalDate.of(2026, 11, 25);
            ZonedDateTime midnight = day.plusDays(1).atStartOfDay(BANGKOK);

            runtime.checkYesterdayIfDue(midnight.plusMinutes(5).toInstant());
            assertThat(runtime.ledger().reconciliations().latest(day, null)).as("Omise's clock may still be in the day").isEmpty();
            assertThat(runtime.ledger().reconciliations().latest(day.minusDays(1), null)).as("the day before was due").isPresent();

            runtime.checkYesterdayIfDue(midnight.plusMinutes(15).toInstant());
            ReconciliationRun run = runtime.ledger().reconciliations().latest(day, null).orElseThrow();
            runtime.checkYesterdayIfDue(midnight.plusMinutes(75).toInstant());

            assertThat(runtime.ledger().reconciliations().latest(day, null)).map(ReconciliationRun::id).as("checked once").contains(run.id());
            assertThat(run.checkedBy()).isEqualTo(TillRuntime.AUTOMATIC_CHECK);
            assertThat(run.zone()).isEqualTo(BANGKOK);
            assertThat(runtime.ledger().reconciliations().differences(run.id())).isEmpty();
        }
    }
}
