package com.scantill.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What Maven stamped into this build. */
public final class BuildInfo {

    /** The product's name, the same in every language. */
    public static final String NAME = "ScanTill";

    private static final String VERSION = load().getProperty("version", "dev");

    private BuildInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/com/scantill/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
