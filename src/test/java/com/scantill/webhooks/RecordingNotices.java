package com.scantill.webhooks;

import com.scantill.ledger.ChargeNotices;
import com.scantill.model.ChargeNotice;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A till's ear on the store for tests: what it heard, and whether push counts as working. */
final class RecordingNotices implements ChargeNotices.Listener, AutoCloseable {

    static final ChargeNotices.Timing QUICK = new ChargeNotices.Timing(Duration.ofMillis(1_500), Duration.ofMillis(100),
            Duration.ofMillis(200));

    final List<ChargeNotice> heard = new CopyOnWriteArrayList<>();
    final List<Boolean> pushChanges = new CopyOnWriteArrayList<>();
    private final ChargeNotices notices;

    RecordingNotices(String storeUrl) {
        this.notices = ChargeNotices.listen(() -> DriverManager.getConnection(storeUrl), this, QUICK, Clock.systemUTC());
    }

    @Override
    public void noticed(ChargeNotice notice) {
        heard.add(notice);
    }

    @Override
    public void pushChanged(boolean working) {
        pushChanges.add(working);
    }

    boolean working() {
        return notices.working();
    }

    List<ChargeNotice> about(String chargeId) {
        return heard.stream().filter(notice -> notice.chargeId().equals(chargeId)).toList();
    }

    @Override
    public void close() {
        notices.close();
    }
}
