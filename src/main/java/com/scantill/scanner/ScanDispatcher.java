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
            String read = text == null ? "" : text.strip();
            reject(RejectedScan.Reason.NOT_A_PAYMENT_CODE, PaymentCode.mask(read), read.length(), scanner);
            return;
        }
        log.info("Scanned payment code {} on {}", code.masked(), scanner);
        Scan scan = new Scan(code, clock.instant(), scanner);
        for (ScanListener listener : listeners) {
            listener.scanned(scan);
        }
    }

    /** A read refused before it could be taken for a payment code (garbage on a serial line, a cut keyboard scan). */
    public void reject(RejectedScan.Reason reason, String echo, int length, String scanner) {
        RejectedScan rejected = new RejectedScan(reason, echo, length, clock.instant(), scanner);
        log.warn("Rejected a read on {}: {}", scanner, rejected);
        for (ScanListener listener : listeners) {
            listener.rejected(rejected);
        }
    }

    public void stateChanged(ScannerState state) {
        log.info("Scanner {}: {} {}", state.scanner(), state.status(), state.situation());
        lastStates.put(state.scanner(), state);
        for (ScanListener listener : listeners) {
            listener.stateChanged(state);
        }
    }
}
