package com.scantill.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server of a test's own, which it may stop and start again on the same port with the same data, as a
 * shop's server restarts under its tills. The shared {@link TestPostgres} server is never restarted.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataFolder;
    private final int port;
    private EmbeddedPostgres server;

    public RestartablePostgres(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.port = freePort();
        start();
    }

    /** The address of its {@code postgres} database, as the user {@code postgres}. */
    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("The test's PostgreSQL did not stop", e);
            }
            server = null;
        }
    }

    public synchronized void start() {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataFolder).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The test's PostgreSQL did not start", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
