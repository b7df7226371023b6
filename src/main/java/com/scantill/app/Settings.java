package com.scantill.app;

import com.scantill.omise.SecretKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The till's configuration. Without a secret key the till runs in training mode against the embedded simulator.
 *
 * @param secretKey the Omise secret key, or {@code null} for training mode
 */
public record Settings(Path dataFolder, SecretKey secretKey, URI apiUrl, String tillId, ScannerSettings scanner,
                       TillOptions options, SlipSettings slips, Optional<StoreSettings> store) {

    public static final String DEFAULT_TILL_ID = "till-1";

    public Settings {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(slips, "slips");
        Objects.requireNonNull(store, "store");
        if (tillId == null || !tillId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new InvalidSettingException(InvalidSettingException.Problem.TILL_ID, tillId,
                    "A till id is 1 to 32 letters, digits, '-' or '_'.");
        }
    }

    /**
     * Where this mode keeps its ledger, backups and reports: the data folder itself when live, its {@code test-mode}
     * or {@code training} folder otherwise, so that practice and test charges never mix with real takings.
     */
    public Path modeFolder() {
        return switch (mode()) {
            case LIVE -> dataFolder;
            case TEST -> dataFolder.resolve("test-mode");
            case TRAINING -> dataFolder.resolve("training");
        };
    }

    public TillMode mode() {
        if (secretKey == null) {
            return TillMode.TRAINING;
        }
        return secretKey.isTestKey() ? TillMode.TEST : TillMode.LIVE;
    }
}
