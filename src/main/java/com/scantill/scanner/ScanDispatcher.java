package com.scantill.scanner;

import com.scantill.model.InvalidPaymentCodeException;
import com.scantill.model.PaymentCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every driver hands what it read: checked as a payment code here, once, before it goes anywhere, and told
 * to the listeners as a scan or a rejection. Listeners never learn which driver read it beyond its name.
 */
public final class ScanDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ScanDispatcher.class);

    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ScannerState> lastStates = new ConcurrentHashMap<>();
    private final Clock clock;

    public ScanDispatcher(Clock clock) {
        this.clock = clock;
    }

    /** Adds a listener and tells it at once how each scanner stands. */
    public void addListener(ScanListener listener) {
        listeners.add(listener);
        lastStates.values().forEach(listener::stateChanged);
    }

    public void removeListener(ScanListener listener) {
        listeners.remove(listener);
    }

    /** What a scanner read, terminator removed. */
    public void read(String text, String scanner) {
        PaymentCode code;
        try {
            code = PaymentCode.parse(text);
        } catch (InvalidPaymentCodeException e) {
            reject(e.getMessage(), scanner);
            return;
        }
        log.info("Scanned payment code {} on {}", code.masked(), scanner);
        Scan scan = new Scan(code, clock.instant(), scanner);
        for (ScanListener listener : listeners) {
            listener.scanned(scan);
        }
    }

    /** A read that could not even be taken for text (garbage on a serial line, say). */
    public void reject(String message, String scanner) {
        log.warn("Rejected a read on {}: {}", scanner, message);
        RejectedScan rejected = new RejectedScan(message, clock.instant(), scanner);
        for (ScanListener listener : listeners) {
            listener.rejected(rejected);
        }
    }

    public void stateChanged(ScannerState state) {
        log.info("Scanner {}: {} {}", state.scanner(), state.status(), state.message());
        lastStates.put(state.scanner(), state);
        for (ScanListener listener : listeners) {
            listener.stateChanged(state);
        }
    }
}
