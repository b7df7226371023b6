package com.scantill.checkout;

import com.scantill.omise.ApiFailure;
import com.scantill.omise.OmiseException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether Omise accepts the till's secret key, as its last answer told; each change is told once. */
final class AccessWatch {

    private static final Logger log = LoggerFactory.getLogger(AccessWatch.class);

    private final Consumer<OmiseAccess> changed;
    private volatile OmiseAccess access = OmiseAccess.ACCEPTED;

    AccessWatch(Consumer<OmiseAccess> changed) {
        this.changed = changed;
    }

    OmiseAccess access() {
        return access;
    }

    void heard(OmiseException failure) {
        if (failure.failure() == ApiFailure.ACCOUNT) {
            change(OmiseAccess.KEY_REFUSED);
        }
    }

    void heardAnswer() {
        change(OmiseAccess.ACCEPTED);
    }

    private synchronized void change(OmiseAccess now) {
        if (access != now) {
            access = now;
            if (now == OmiseAccess.KEY_REFUSED) {
                log.error("Omise refused the secret key: no sale can be taken until a manager fixes it");
            } else {
                log.info("Omise accepts the secret key again");
            }
            changed.accept(now);
        }
    }
}
