package com.scantill.ledger;

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
import java.util.Optional;
import com.scantill.model.OwnerOnly;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction ledger: an H2 file in the data folder, its schema kept by Flyway. Every change to a sale or a
 * refund is written in the same transaction as the event that says so; events are only ever appended.
 */
public final class Ledger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    static final String FOLDER = "ledger";
    static final String DATABASE = "scantill";
    private static final String REFUND_COLUMNS = "refund_reference, till_reference, amount, status, refund_id, "
            + "operator_id, approved_by, failure_code, requested_at, finished_at";
    private static final String EVENT_COLUMNS = "id, till_reference, occurred_at, kind, operator_id, status_after, amount, detail";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JdbcConnectionPool pool;
    private final PaymentCodeFingerprints fingerprints;

    private Ledger(Path folder, FileChannel lockChannel, FileLock lock, JdbcConnectionPool pool) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pool = pool;
        this.fingerprints = PaymentCodeFingerprints.in(folder);
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
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
            // H2 makes its files with the process's default permissions.
            OwnerOnly.tree(folder);
            log.info("Ledger open in {}", folder);
            return new Ledger(folder, channel, lock, pool);
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

    /** Writes a new sale and its first event, committed together. */
    public void insert(Sale sale, SaleEvent event) {
        insert(sale, event, null);
    }

    /**
     * Writes a new sale, its first event and the fingerprint of its payment code, committed together. The code
     * itself is never written.
     */
    public void insert(Sale sale, SaleEvent event, String paymentCodeDigits) {
        insert(sale, List.of(event), paymentCodeDigits);
    }

    /**
     * Writes a new sale, the events that brought it to its state and the fingerprint of its payment code, committed
     * together (one write of the file where two commits would make two). The code itself is never written.
     */
    public void insert(Sale sale, List<SaleEvent> events, String paymentCodeDigits) {
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(SaleColumns.INSERT)) {
                SaleColumns.bindInsert(insert, sale);
                insert.executeUpdate();
            }
            if (paymentCodeDigits != null) {
                try (PreparedStatement use = connection.prepareStatement(
                        "INSERT INTO payment_code_use (till_reference, fingerprint) VALUES (?, ?)")) {
                    use.setString(1, sale.tillReference());
                    use.setString(2, fingerprints.of(paymentCodeDigits));
                    use.executeUpdate();
                }
            }
            for (SaleEvent event : events) {
                append(connection, event);
            }
        });
    }

    /** Every sale made with this payment code, newest first. */
    public List<Sale> salesWithPaymentCode(String paymentCodeDigits) {
        return query("SELECT " + qualified("s", SaleColumns.NAMES) + " FROM sale s JOIN payment_code_use u "
                + "ON u.till_reference = s.till_reference WHERE u.fingerprint = ? ORDER BY s.created_at DESC",
                SaleColumns::read, fingerprints.of(paymentCodeDigits));
    }

    private static String qualified(String alias, String columns) {
        return alias + "." + String.join(", " + alias + ".", columns.split(",\\s*"));
    }

    /**
     * Forces everything committed so far to stable storage, so that a power cut cannot take it back: H2 writes each
     * commit to the file at once but leaves it in the operating system's cache. Called before a request that moves
     * money leaves; it costs one {@code fsync} (see {@code docs/durability.md}).
     */
    public void forceToDisk() {
        inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        });
    }

    /**
     * Writes the sale's new state with the event that explains it, committed together, and returns the sale as now
     * written.
     *
     * @throws StaleSaleException when the sale changed since {@code sale} was read; nothing is written
     */
    public Sale update(Sale sale, SaleEvent event) {
        inTransaction(connection -> {
            updateSale(connection, sale);
            append(connection, event);
        });
        return sale.written();
    }

    /** Writes a refund before it is requested, with the event that records who asked. */
    public void insertRefund(RefundRecord refund, SaleEvent event) {
        inTransaction(connection -> {
            insertRefundRow(connection, refund);
            append(connection, event);
        });
    }

    /**
     * Settles a refund, the sale it changes and the event, committed together; returns the sale as now written.
     *
     * @throws StaleSaleException when the sale changed since {@code sale} was read; nothing is written
     */
    public Sale settleRefund(RefundRecord refund, Sale sale, SaleEvent event) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sale_refund SET status = ?, refund_id = ?, "
                    + "failure_code = ?, finished_at = ? WHERE refund_reference = ?")) {
                update.setString(1, refund.status().name());
                update.setString(2, refund.refundId());
                update.setString(3, refund.failureCode());
                setTime(update, 4, refund.finishedAt());
                update.setString(5, refund.refundReference());
                requireOneRow(update.executeUpdate(), refund.refundReference());
            }
            updateSale(connection, sale);
            append(connection, event);
        });
        return sale.written();
    }

    /**
     * Writes a refund already made (outside the till, in Omise's dashboard say) with the sale it changes and the
     * event, committed together; returns the sale as now written.
     */
    public Sale insertSettledRefund(RefundRecord refund, Sale sale, SaleEvent event) {
        inTransaction(connection -> {
            insertRefundRow(connection, refund);
            updateSale(connection, sale);
            append(connection, event);
        });
        return sale.written();
    }

    /** Appends an event that changes nothing else (an offer to expire, say). */
    public void note(SaleEvent event) {
        inTransaction(connection -> append(connection, event));
    }

    public Optional<Sale> sale(String tillReference) {
        List<Sale> sales = querySales("WHERE till_reference = ?", tillReference);
        return sales.isEmpty() ? Optional.empty() : Optional.of(sales.get(0));
    }

    /** Sales not yet in a final state, oldest first: what start-up recovery resumes. */
    public List<Sale> unfinishedSales() {
        return querySales("WHERE status IN ('CREATED', 'CREATING', 'PENDING', 'UNKNOWN') ORDER BY created_at");
    }

    /** Unfinished sales whose charge Omise did not know, oldest first. */
    public List<Sale> salesNeedingAttention() {
        return querySales("WHERE needs_attention = TRUE AND status IN ('CREATED', 'CREATING', 'PENDING', 'UNKNOWN') "
                + "ORDER BY created_at");
    }

    /** The newest sales first. */
    public List<Sale> recentSales(int limit) {
        return querySales("ORDER BY created_at DESC, till_reference DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    }

    public List<Sale> salesCreatedBetween(Instant from, Instant to) {
        return querySales("WHERE created_at >= ? AND created_at < ? ORDER BY created_at", from, to);
    }

    /** Sales settled as never charged after their outcome was unknown: a charge could still turn up for them. */
    public List<Sale> settledAsNotCreatedSince(Instant since) {
        return querySales("WHERE status = 'NOT_CREATED' AND created_at >= ? AND EXISTS (SELECT 1 FROM sale_event e "
                + "WHERE e.till_reference = sale.till_reference AND e.kind = 'RECONCILED_NOT_FOUND') ORDER BY created_at", since);
    }

    public List<SaleEvent> events(String tillReference) {
        return query("SELECT " + EVENT_COLUMNS + " FROM sale_event WHERE till_reference = ? ORDER BY id",
                Ledger::readEvent, tillReference);
    }

    public List<RefundRecord> refunds(String tillReference) {
        return query("SELECT " + REFUND_COLUMNS + " FROM sale_refund WHERE till_reference = ? ORDER BY requested_at, refund_reference",
                Ledger::readRefund, tillReference);
    }

    /** Refunds whose request may have left without an answer. */
    public List<RefundRecord> unsettledRefunds() {
        return query("SELECT " + REFUND_COLUMNS + " FROM sale_refund WHERE status = 'REQUESTED' ORDER BY requested_at",
                Ledger::readRefund);
    }

    /** Writes a consistent copy of the whole ledger into {@code zipFile} while the till keeps working. */
    public void backupTo(Path zipFile) {
        inTransaction(connection -> {
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, zipFile.toAbsolutePath().toString());
                backup.execute();
            }
        });
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
        log.info("Ledger closed");
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

    List<Sale> querySales(String where, Object... parameters) {
        return query("SELECT " + SaleColumns.NAMES + " FROM sale " + where, SaleColumns::read, parameters);
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

    private static void updateSale(Connection connection, Sale sale) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SaleColumns.UPDATE)) {
            SaleColumns.bindUpdate(update, sale);
            if (update.executeUpdate() != 1) {
                throw new StaleSaleException(sale.tillReference(), sale.version());
            }
        }
    }

    private static void append(Connection connection, SaleEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sale_event (till_reference, occurred_at, "
                + "kind, operator_id, status_after, amount, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.tillReference());
            setTime(insert, 2, event.occurredAt());
            insert.setString(3, event.kind().name());
            insert.setString(4, event.operatorId());
            insert.setString(5, event.statusAfter().name());
            setLong(insert, 6, event.amount());
            insert.setString(7, truncated(event.detail(), 1000));
            insert.executeUpdate();
        }
    }

    private static void requireOneRow(int rows, String reference) throws SQLException {
        if (rows != 1) {
            throw new SQLException("expected to change one row for " + reference + ", changed " + rows);
        }
    }

    private static void insertRefundRow(Connection connection, RefundRecord refund) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sale_refund (" + REFUND_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindRefund(insert, refund);
            insert.executeUpdate();
        }
    }

    private static void bindRefund(PreparedStatement statement, RefundRecord refund) throws SQLException {
        statement.setString(1, refund.refundReference());
        statement.setString(2, refund.tillReference());
        statement.setLong(3, refund.amount());
        statement.setString(4, refund.status().name());
        statement.setString(5, refund.refundId());
        statement.setString(6, refund.operatorId());
        statement.setString(7, refund.approvedBy());
        statement.setString(8, refund.failureCode());
        setTime(statement, 9, refund.requestedAt());
        setTime(statement, 10, refund.finishedAt());
    }

    private static RefundRecord readRefund(ResultSet row) throws SQLException {
        return new RefundRecord(row.getString(1), row.getString(2), row.getLong(3), RefundStatus.valueOf(row.getString(4)),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), getTime(row, 9), getTime(row, 10));
    }

    private static SaleEvent readEvent(ResultSet row) throws SQLException {
        return new SaleEvent(row.getLong(1), row.getString(2), getTime(row, 3), EventKind.valueOf(row.getString(4)),
                row.getString(5), SaleStatus.valueOf(row.getString(6)), getLong(row, 7), row.getString(8));
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
