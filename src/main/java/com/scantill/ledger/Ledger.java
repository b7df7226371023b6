package com.scantill.ledger;

import com.scantill.model.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction ledger: a till's H2 file in its data folder, or a shop's store on PostgreSQL; the same schema, kept
 * by Flyway, and the same SQL on both. It owns the database's connections; each table's reads and writes are in the
 * records class named for it.
 */
public final class Ledger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    static final String FOLDER = "ledger";
    static final String DATABASE = "scantill";

    /** What differs between the databases a ledger lives in: making commits durable, backing up, closing. */
    private interface Storage {
        void forceToDisk(Connection connection) throws SQLException;

        /** SQL for the quarter hours from 1970 to the timestamp {@code column}: each database's own fastest way. */
        String quarterHourOf(String column);

        void backupTo(Connection connection, Path zipFile) throws SQLException;

        void close();
    }

    private final Path folder;
    private final DataSource pool;
    private final Storage storage;
    private final SaleRecords sales;

    private Ledger(Path folder, DataSource pool, Storage storage) {
        this.folder = folder;
        this.pool = pool;
        this.storage = storage;
        this.sales = new SaleRecords(this, PaymentCodeFingerprints.in(folder));
    }

    /**
     * Opens the ledger in {@code dataFolder}, creating or upgrading its schema.
     *
     * @throws LedgerInUseException when another copy of ScanTill has it open
     */
    public static Ledger open(Path dataFolder) {
        return open(dataFolder, "file");
    }

    /** The ledger on one of H2's file systems: {@code file}, or a wrapper of it that tests register. */
    static Ledger open(Path dataFolder, String fileSystem) {
        Path folder = dataFolder.resolve(FOLDER).toAbsolutePath();
        FileChannel channel = null;
        try {
            OwnerOnly.folder(folder);
            channel = FileChannel.open(folder.resolve("scantill.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataFolder, null);
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(
                    // WRITE_DELAY=0: each commit reaches the file at once, so a crash of the till loses no sale.
                    // TRACE_LEVEL_FILE=0: H2's errors reach the log as exceptions, not a trace file of its own.
                    "jdbc:h2:" + fileSystem + ":" + folder.resolve(DATABASE) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0",
                    "scantill", "");
            try {
                migrate(pool, TILL_MIGRATIONS);
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
            // H2 makes its files with the process's default permissions.
            OwnerOnly.tree(folder);
            log.info("Ledger open in {}", folder);
            return new Ledger(folder, pool, new H2File(folder, channel, lock, pool));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(dataFolder, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LedgerException("Could not open the ledger in " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            if (isDatabaseInUse(e)) {
                throw inUse(dataFolder, e);
            }
            throw e;
        }
    }

    /**
     * Opens the shop's store on PostgreSQL, creating or upgrading its schema; {@code keyFolder} holds the key of the
     * payment codes' fingerprints, as a till's data folder does.
     */
    public static Ledger openStore(DataSource store, Path keyFolder) {
        Path folder = OwnerOnly.folder(keyFolder.resolve(FOLDER));
        migrate(store, TILL_MIGRATIONS, STORE_MIGRATIONS);
        log.info("Store ledger open");
        return new Ledger(folder, store, new PostgresStore(store));
    }

    /** The newest migration of the tills' schema ({@code db/migration}), and of the store's ({@code db/store}). */
    static final String NEWEST_TILL_MIGRATION = "11";
    static final String NEWEST_STORE_MIGRATION = "11";
    private static final String TILL_MIGRATIONS = "classpath:db/migration";
    private static final String STORE_MIGRATIONS = "classpath:db/store";

    /**
     * The tills' schema is {@code db/migration}; the store adds its own, {@code db/store}, numbered between. Flyway
     * runs only when the database is behind: loading it (and the JSON library it brings) was a third of the classes a
     * till loaded at start, for a schema that is nearly always current.
     */
    private static void migrate(DataSource database, String... locations) {
        String newest = locations.length > 1 ? NEWEST_STORE_MIGRATION : NEWEST_TILL_MIGRATION;
        if (!isAtLeast(newestApplied(database), newest)) {
            Flyway.configure().dataSource(database).locations(locations).load().migrate();
        }
    }

    /** The newest migration Flyway applied to {@code database}; "0" when it has none, or they cannot be read. */
    private static String newestApplied(DataSource database) {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\" "
                     + "WHERE \"success\" = TRUE AND \"version\" IS NOT NULL");
             ResultSet versions = query.executeQuery()) {
            String newest = "0";
            while (versions.next()) {
                if (isAtLeast(versions.getString(1), newest)) {
                    newest = versions.getString(1);
                }
            }
            return newest;
        } catch (SQLException notMigratedYet) {
            return "0";
        }
    }

    /** Whether Flyway's version {@code version} ("9.2") is {@code other} or later, part by part. */
    static boolean isAtLeast(String version, String other) {
        String[] parts = version.split("[._]");
        String[] others = other.split("[._]");
        for (int i = 0; i < Math.max(parts.length, others.length); i++) {
            long part = i < parts.length ? Long.parseLong(parts[i]) : 0;
            long otherPart = i < others.length ? Long.parseLong(others[i]) : 0;
            if (part != otherPart) {
                return part > otherPart;
            }
        }
        return true;
    }

    /** A till's own file: locked while open, forced with {@code CHECKPOINT SYNC}, backed up with {@code BACKUP TO}. */
    private record H2File(Path folder, FileChannel lockChannel, FileLock lock, JdbcConnectionPool pool) implements Storage {

        @Override
        public String quarterHourOf(String column) {
            // H2's EXTRACT(EPOCH …) is a decimal, and took four times as long over a year of sales as whole minutes.
            return "(DATEDIFF(MINUTE, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', " + column + ") / 15)";
        }

        @Override
        public void forceToDisk(Connection connection) throws SQLException {
            try (var statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }

        @Override
        public void backupTo(Connection connection, Path zipFile) throws SQLException {
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, zipFile.toAbsolutePath().toString());
                backup.execute();
            }
        }

        @Override
        public void close() {
            pool.dispose();
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.debug("Releasing the ledger lock failed", e);
            }
            OwnerOnly.tree(folder);
        }
    }

    /**
     * The shop's store: PostgreSQL returns from a commit once its write-ahead log is flushed (synchronous_commit, its
     * default), so there is nothing more to force; it is backed up by the shop's own {@code pg_dump} or replication.
     */
    private record PostgresStore(DataSource pool) implements Storage {

        @Override
        public String quarterHourOf(String column) {
            return "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / 900) AS BIGINT)";
        }

        @Override
        public void forceToDisk(Connection connection) {
            // Each commit is durable already.
        }

        @Override
        public void backupTo(Connection connection, Path zipFile) {
            throw new UnsupportedOperationException("The store on PostgreSQL is backed up with pg_dump, not by a till");
        }

        @Override
        public void close() {
            if (pool instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing the store's connections failed", e);
                }
            }
        }
    }

    private static LedgerInUseException inUse(Path dataFolder, Throwable cause) {
        return new LedgerInUseException("ScanTill is already running with the data folder " + dataFolder
                + ". Close the other copy first; only one till may use a data folder at a time.", cause);
    }

    private static boolean isDatabaseInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Closing the ledger lock failed", e);
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * Forces everything committed so far to stable storage, so that a power cut cannot take it back: H2 writes each
     * commit to the file at once but leaves it in the operating system's cache. Called before a request that moves
     * money leaves; it costs one {@code fsync} (see {@code docs/durability.md}).
     */
    public void forceToDisk() {
        inTransaction(storage::forceToDisk);
    }

    /** Writes a consistent copy of the whole ledger into {@code zipFile} while the till keeps working. */
    public void backupTo(Path zipFile) {
        inTransaction(connection -> storage.backupTo(connection, zipFile));
    }

    @Override
    public void close() {
        storage.close();
        log.info("Ledger closed");
    }

    /** The sales, their events and their refunds. */
    public SaleRecords sales() {
        return sales;
    }

    /** The sums and counts of the daily report. */
    public ReportRecords reports() {
        return new ReportRecords(this);
    }

    /** The end-of-day checks against Omise. */
    public ReconciliationRecords reconciliations() {
        return new ReconciliationRecords(this);
    }

    /** The operators' accounts, kept in the same database. */
    public OperatorRecords operators() {
        return new OperatorRecords(this);
    }

    /**
     * The Omise webhook events the store service received, and its notices to the tills.
     *
     * @throws UnsupportedOperationException on a till's own ledger: they live in the store on PostgreSQL
     */
    public StoreWebhooks webhooks() {
        if (!(storage instanceof PostgresStore)) {
            throw new UnsupportedOperationException("Webhook events are kept in the shop's store on PostgreSQL");
        }
        return new StoreWebhooks(this);
    }

    /**
     * The shop's settings shared by its tills.
     *
     * @throws UnsupportedOperationException on a till's own ledger: they live in the shop's store
     */
    public ShopSettingsRecords shopSettings() {
        if (!(storage instanceof PostgresStore)) {
            throw new UnsupportedOperationException("The shop's shared settings are kept in the shop's store on PostgreSQL");
        }
        return new ShopSettingsRecords(this);
    }

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    void inTransaction(Work work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("The ledger could not be written: " + e.getMessage(), e);
        }
    }

    /** SQL for the quarter hours from 1970 to the timestamp {@code column}. */
    String quarterHourOf(String column) {
        return storage.quarterHourOf(column);
    }

    <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Instant instant) {
                    setTime(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new LedgerException("The ledger could not be read: " + e.getMessage(), e);
        }
    }

    static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getTime(ResultSet row, int index) throws SQLException {
        OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Long getLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }

    static String truncated(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
