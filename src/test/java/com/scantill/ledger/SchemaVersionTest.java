package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway is skipped when the schema is current: what "current" is must follow the migrations, and a behind one runs. */
class SchemaVersionTest {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9_]+)__.*\\.sql");

    @TempDir
    Path folder;

    private static String newestIn(Path... folders) throws IOException {
        String newest = "0";
        for (Path migrations : folders) {
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path file : files.toList()) {
                    Matcher name = MIGRATION.matcher(file.getFileName().toString());
                    if (name.matches() && Ledger.isAtLeast(name.group(1), newest)) {
                        newest = name.group(1).replace('_', '.');
                    }
                }
            }
        }
        return newest;
    }

    @Test
    void theNewestMigrationsNamedInTheLedgerAreTheNewestFiles() throws IOException {
        Path tills = Path.of("src/main/resources/db/migration");
        Path store = Path.of("src/main/resources/db/store");
        assertThat(Ledger.NEWEST_TILL_MIGRATION).isEqualTo(newestIn(tills));
        assertThat(Ledger.NEWEST_STORE_MIGRATION).isEqualTo(newestIn(tills, store));
    }

    @Test
    void versionsCompareByTheirParts() {
        assertThat(Ledger.isAtLeast("10", "9.2")).isTrue();
        assertThat(Ledger.isAtLeast("9.2", "10")).isFalse();
        assertThat(Ledger.isAtLeast("10.1", "10")).isTrue();
        assertThat(Ledger.isAtLeast("10", "10.0")).isTrue();
        assertThat(Ledger.isAtLeast("9", "9.1")).isFalse();
    }

    @Test
    void aTillLedgerLeftAtAnOlderVersionIsMigratedWhenOpened() {
        Path ledgerFolder = folder.resolve(Ledger.FOLDER);
        JdbcConnectionPool older = JdbcConnectionPool.create("jdbc:h2:file:" + ledgerFolder.resolve(Ledger.DATABASE).toAbsolutePath(),
                "scantill", "");
        Flyway.configure().dataSource(older).locations("classpath:db/migration").target("9").load().migrate();
        older.dispose();

        try (Ledger ledger = Ledger.open(folder)) {
            assertThat(ledger.query("SELECT COUNT(*) FROM operator WHERE changed_at IS NULL", row -> row.getLong(1))).containsExactly(0L);
        }
    }

    @Test
    void aStoreLeftBeforeItsNewestMigrationIsMigratedWhenOpened() {
        var pool = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/store").target("10").load().migrate();

        try (Ledger store = Ledger.openStore(pool, folder.resolve("store"))) {
            assertThat(store.shopSettings().read()).isEmpty();
        }
    }
}
