package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till killed (SIGKILL) while it copies its ledger to the store, again and again, each time a few milliseconds into
 * a batch: the store holds whole batches only, and the restarted till carries on from the store's mark, with nothing
 * copied twice.
 */
class KilledReplicationTest {

    private static final Instant DAY = Instant.parse("2026-11-26T03:00:00Z");
    private static final int KILLS = 4;

    @TempDir
    Path folder;

    @Test
    void aTillKilledMidReplicationLeavesWholeBatchesAndTheNextStartFinishesWithNothingTwice() throws Exception {
        Path tillFolder = folder.resolve("till-1");
        try (Ledger till = Ledger.open(tillFolder)) {
            for (int i = 1; i <= 600; i++) {
                StoreReplicationTest.sell(till, "till-1", i, DAY.plusSeconds(i));
            }
        }
        String url = TestPostgres.freshDatabaseUrl();
        try (Ledger store = Ledger.openStore(TestPostgres.pool(url), folder.resolve("store"))) {
            int killedWhileCopying = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                if (runAndKillAfterBatches(tillFolder, url, 2 + kill)) {
                    killedWhileCopying++;
                }
                long marked = store.query("SELECT COALESCE(MAX(last_event_id), 0) FROM store_till", row -> row.getLong(1)).get(0);
                try (Ledger till = Ledger.open(tillFolder)) {
                    assertThat(StoreReplicationTest.events(store)).as("every event copied is marked as copied, and none more")
                            .isEqualTo(till.query("SELECT COUNT(*) FROM sale_event WHERE id <= ?", row -> row.getLong(1), marked).get(0));
                }
            }
            assertThat(killedWhileCopying).as("the till was killed while it still had events to copy").isEqualTo(KILLS);

            try (Ledger till = Ledger.open(tillFolder)) {
                StoreReplication replication = new StoreReplication(till, store, "till-1", Clock.systemUTC());
                replication.catchUp(50);
                assertThat(replication.waiting()).isZero();
                assertThat(StoreReplicationTest.events(store)).isEqualTo(StoreReplicationTest.events(till));
                assertThat(store.query("SELECT COUNT(*) FROM (SELECT till_reference, till_event_id FROM sale_event "
                        + "GROUP BY till_reference, till_event_id HAVING COUNT(*) > 1) twice", row -> row.getLong(1)).get(0)).isZero();
                assertThat(store.reports().sales(DAY.minusSeconds(1), DAY.plusSeconds(1_000), null))
                        .isEqualTo(till.reports().sales(DAY.minusSeconds(1), DAY.plusSeconds(1_000), null));
                assertThat(store.sales().refunds("till-1-300")).isEqualTo(till.sales().refunds("till-1-300"));
            }
        }
    }

    /** Starts the replicating till, and kills it a moment into the batch after {@code batches}; whether it was still copying. */
    private static boolean runAndKillAfterBatches(Path tillFolder, String url, int batches) throws Exception {
        Process till = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReplicatingTill.class.getName(), tillFolder.toString(), url,
                "till-1", "40")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(till.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while (seen < batches && (line = output.readLine()) != null) {
                if (line.equals("DONE")) {
                    return false;
                }
                if (line.startsWith("BATCH ")) {
                    seen++;
                }
            }
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(3_000));
            return seen == batches;
        } finally {
            till.destroyForcibly();
            till.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
