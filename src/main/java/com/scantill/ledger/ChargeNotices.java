package com.scantill.ledger;

import com.scantill.model.ChargeNotice;
import com.scantill.model.DaemonThreads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A till's ear on the store: it {@code LISTEN}s for the store service's notices of changed charges on a connection
 * of its own, on a thread of its own, and says whether push is working. Push counts as working only while the
 * connection holds and the service's heartbeat was heard lately; a store restarted, a connection cut or a service
 * gone quiet turns it off, and the listener connects again by itself.
 */
public final class ChargeNotices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChargeNotices.class);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    /** Opens a connection to the store, outside any pool: it is held for as long as the till listens. */
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** Told on the listener's thread. */
    public interface Listener {
        void noticed(ChargeNotice notice);

        /** Push has started or stopped working. */
        void pushChanged(boolean working);
    }

    /**
     * @param quietAfter how long without the service's heartbeat before push counts as stopped
     * @param checkEvery how long a wait for notices lasts before the heartbeat's age is checked, and so how soon
     *                   {@link #close()} returns
     */
    public record Timing(Duration quietAfter, Duration checkEvery, Duration firstRetry) {

        public static Timing standard() {
            return new Timing(Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    private final Opener opener;
    private final Listener listener;
    private final Timing timing;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean working;

    private ChargeNotices(Opener opener, Listener listener, Timing timing, Clock clock) {
        this.opener = opener;
        this.listener = listener;
        this.timing = timing;
        this.clock = clock;
        this.thread = DaemonThreads.named("store-notices").newThread(this::listen);
    }

    public static ChargeNotices listen(Opener opener, Listener listener, Timing timing, Clock clock) {
        ChargeNotices notices = new ChargeNotices(opener, listener, timing, clock);
        notices.thread.start();
        return notices;
    }

    public boolean working() {
        return working;
    }

    private void listen() {
        Duration retry = timing.firstRetry();
        boolean toldUnreachable = false;
        while (!closed) {
            try (Connection connection = opener.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + StoreWebhooks.CHARGES_CHANNEL);
                    statement.execute("LISTEN " + StoreWebhooks.HEARTBEAT_CHANNEL);
                }
                log.info("Listening to the store for charges changed");
                retry = timing.firstRetry();
                toldUnreachable = false;
                hear(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                changeTo(false);
                if (closed) {
                    return;
                }
                if (!toldUnreachable) {
                    log.warn("Not hearing from the store ({}); polling Omise as usual, and listening again in {} s",
                            e.getMessage(), retry.toSeconds());
                    toldUnreachable = true;
                }
                pause(retry);
                Duration doubled = retry.multipliedBy(2);
                retry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
            }
        }
    }

    private void hear(PGConnection connection) throws SQLException {
        Instant lastHeartbeat = null;
        while (!closed) {
            PGNotification[] notifications = connection.getNotifications((int) timing.checkEvery().toMillis());
            Instant now = clock.instant();
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    if (StoreWebhooks.HEARTBEAT_CHANNEL.equals(notification.getName())) {
                        lastHeartbeat = now;
                    } else {
                        Optional<ChargeNotice> notice = ChargeNotice.decoded(notification.getParameter());
                        notice.ifPresentOrElse(listener::noticed,
                                () -> log.warn("Ignored a notice from the store that is not one: {}", notification.getParameter()));
                    }
                }
            }
            changeTo(lastHeartbeat != null && Duration.between(lastHeartbeat, now).compareTo(timing.quietAfter()) <= 0);
        }
    }

    private void changeTo(boolean nowWorking) {
        if (nowWorking != working) {
            working = nowWorking;
            log.info(nowWorking ? "Push from the store is working: polling Omise only as a safety net"
                    : "Push from the store stopped: polling Omise as usual");
            listener.pushChanged(nowWorking);
        }
    }

    private void pause(Duration wait) {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening; returns within about {@link Timing#checkEvery()}. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(timing.checkEvery().multipliedBy(4).toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
