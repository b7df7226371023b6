package com.scantill.app;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Where the shop's store is: a PostgreSQL database that every till copies its ledger into. Keys in
 * {@code settings.properties}: {@code store.jdbcUrl} ({@code jdbc:postgresql://host:5432/scantill}), {@code store.user},
 * {@code store.password}; the environment overrides them ({@code SCANTILL_STORE_URL}, {@code SCANTILL_STORE_USER},
 * {@code SCANTILL_STORE_PASSWORD}). Without a URL a till keeps its own ledger only, as it always has. The password is
 * kept like the secret key: in the owner-only settings file or the environment, never in a log or on the screen.
 */
public record StoreSettings(String jdbcUrl, String user, String password) {

    static final String URL = "store.jdbcUrl";
    static final String USER = "store.user";
    static final String PASSWORD = "store.password";

    public StoreSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingException(InvalidSettingException.Problem.STORE_URL, jdbcUrl,
                    URL + " is a PostgreSQL JDBC address, jdbc:postgresql://host:5432/database");
        }
    }

    /**
     * A pool of connections to the store: four, each asked for within 3 s; created whether or not the store answers
     * now, so that a till starts without it.
     */
    HikariDataSource connections(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        // Copying, and a report reading its sums and its sales side by side.
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /**
     * One connection to the store outside the pool, for listening: held as long as the till runs, given up within a
     * few seconds when the store does not answer, and kept alive by TCP so that a dead store is noticed.
     */
    Connection openForListening() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "scantill-till");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "…") + "]";
    }
}
