package com.scantill.app;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;

/**
 * The settings a shop's tills share ({@link SettingsStore#SHARED_KEYS}), and when they were last changed; a till's own
 * that it never shared have no such time ({@code null}).
 */
public record SharedSettings(Map<String, String> values, Instant changedAt) {

    public SharedSettings {
        values = Map.copyOf(values);
        // As the store keeps times: to the microsecond, so that a time read back compares equal to the one sent.
        changedAt = changedAt == null ? null : changedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** As properties text, the form the store keeps them in. */
    String text() {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The shared keys of properties text from the store; anything else in it is left out. */
    static SharedSettings fromText(String text, Instant changedAt) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SharedSettings(SettingsStore.shared(properties), changedAt);
    }
}
