package com.scantill.ledger;

import com.scantill.model.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zipped copies of the ledger in the data folder's {@code backups}: one a day and any on demand, the newest
 * {@value #KEPT} kept. Restoring one is described in the README.
 */
public final class LedgerBackups {

    public static final int KEPT = 30;
    private static final Logger log = LoggerFactory.getLogger(LedgerBackups.class);
    private static final String PREFIX = "scantill-ledger-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Ledger ledger;
    private final Path folder;
    private final Clock clock;

    public LedgerBackups(Ledger ledger, Path dataFolder, Clock clock) {
        this.ledger = ledger;
        this.folder = dataFolder.resolve("backups");
        this.clock = clock;
    }

    /** Writes a backup now and drops the oldest beyond {@value #KEPT}. */
    public Path backupNow() {
        OwnerOnly.folder(folder);
        Path zip = folder.resolve(PREFIX + STAMP.format(clock.instant().atZone(clock.getZone())) + ".zip");
        ledger.backupTo(zip);
        OwnerOnly.file(zip);
        log.info("Ledger backed up to {}", zip);
        List<Path> all = backups();
        for (Path old : all.subList(0, Math.max(0, all.size() - KEPT))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}", old, e);
            }
        }
        return zip;
    }

    /** Writes today's backup unless there is one already. */
    public Optional<Path> backupIfDue() {
        String today = PREFIX + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
        boolean done = backups().stream().anyMatch(backup -> backup.getFileName().toString().startsWith(today));
        return done ? Optional.empty() : Optional.of(backupNow());
    }

    /** The backups, oldest first. */
    public List<Path> backups() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(PREFIX)
                            && file.getFileName().toString().endsWith(".zip"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backups in " + folder, e);
        }
    }
}
