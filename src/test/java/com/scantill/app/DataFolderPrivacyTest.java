package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing in the data folder can be read by another user of the computer: not the PIN hashes, not the takings. */
class DataFolderPrivacyTest {

    @TempDir
    Path home;

    @Test
    void everyFolderAndFileOfTheDataFolderIsItsOwnersOnlyIncludingWhatWasThereBefore() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataFolder = home.resolve("scantill");
        Files.createDirectories(dataFolder.resolve("logs"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(dataFolder.resolve("logs").resolve("scantill.log"), "an old log\n");
        Files.setPosixFilePermissions(dataFolder.resolve("logs").resolve("scantill.log"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "operators.pinHashIterations=1000\n");
        Files.setPosixFilePermissions(dataFolder.resolve(SettingsStore.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dataFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Settings settings = new SettingsStore(dataFolder, Map.of()).load();

        try (TillRuntime runtime = TillRuntime.open(settings)) {
            runtime.operators().createFirstManager("malee", "Malee", "135790".toCharArray());
            await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.backups().backups().isEmpty());
            runtime.backups().backupNow();
        }

        try (Stream<Path> paths = Files.walk(dataFolder)) {
            assertThat(paths.toList()).hasSizeGreaterThan(8).allSatisfy(path -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .as("nothing above the data folder is changed").isEqualTo("rwxr-xr-x");
    }
}
