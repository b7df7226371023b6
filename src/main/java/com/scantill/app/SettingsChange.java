package com.scantill.app;

import java.net.URI;
import java.util.Objects;

/**
 * A manager's changes to the settings.
 *
 * @param newSecretKey a new key as typed, or {@code null} or blank to keep the one there is
 * @param removeKey    remove the key: the till goes back to training mode
 */
public record SettingsChange(String newSecretKey, boolean removeKey, URI apiUrl, String tillId, ScannerSettings scanner,
                             TillOptions options, SlipSettings slips) {

    public SettingsChange {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(slips, "slips");
    }

    @Override
    public String toString() {
        return "SettingsChange[" + (newSecretKey == null || newSecretKey.isBlank() ? "key kept" : "new key")
                + (removeKey ? ", key removed" : "") + ", " + apiUrl + ", " + tillId + "]";
    }
}
