package com.scantill.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests, its binaries through Maven: one server a test JVM, started on first use, and a
 * fresh database for each caller, so that tests never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A pool of connections to a new, empty database. Close it when done. */
    public static HikariDataSource freshDatabase() {
        return pool(freshDatabaseUrl());
    }

    /** A pool of connections to the database at {@code url}. Close it when done. */
    public static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** The JDBC address of a new, empty database, the user {@code postgres} in it. */
    public static String freshDatabaseUrl() {
        String name = "scantill_" + DATABASES.incrementAndGet();
        run("CREATE DATABASE " + name);
        return server().getJdbcUrl("postgres", name);
    }

    /** Runs {@code sql} as the server's superuser, for what a test does to the server itself. */
    public static void run(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The test server refused: " + sql, e);
        }
    }

    /** The one number {@code sql} answers, asked as the server's superuser. */
    public static long count(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The test server refused: " + sql, e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Room for a benchmark's hundred listening tills beside the pools.
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is ending; the server's files are in a temporary folder.
                }
            }));
        }
        return server;
    }
}
