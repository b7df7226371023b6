package com.scantill.checkout;

import com.scantill.ledger.StaleSaleException;
import com.scantill.model.Sale;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One sale in flight: its state and timers. Its steps run one at a time under its lock. */
final class SaleWorker {

    private static final Logger log = LoggerFactory.getLogger(SaleWorker.class);

    final String reference;
    /** The payment code while its charge is being made, so that a second scan of it is refused; else {@code null}. */
    final String paymentDigits;
    volatile Sale sale;
    volatile boolean expiryOffered;
    /** Whether the store told of this sale's charge: its end was then pushed, not found by the safety net. */
    boolean noticed;
    int consecutiveErrors;
    int lookupsWithoutMatch;
    int notFoundLooks;

    private final ReentrantLock lock = new ReentrantLock();
    private final EngineThreads threads;
    private final Consumer<SaleWorker> afterFailedStep;
    private ScheduledFuture<?> next;
    private ScheduledFuture<?> expiryOffer;

    /** @param afterFailedStep what to do when a step fails (or the sale was changed elsewhere): try again later */
    SaleWorker(Sale sale, String paymentDigits, EngineThreads threads, Consumer<SaleWorker> afterFailedStep) {
        this.reference = sale.tillReference();
        this.sale = sale;
        this.paymentDigits = paymentDigits;
        this.threads = threads;
        this.afterFailedStep = afterFailedStep;
    }

    SaleState state() {
        return new SaleState(sale, expiryOffered);
    }

    void submit(Runnable step) {
        threads.execute(() -> runLocked(step));
    }

    /** The sale's next step after {@code delay}, in place of any step scheduled before. */
    void schedule(Runnable step, Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        next = threads.schedule(() -> runLocked(step), delay);
    }

    void ensureExpiryOffer(Duration wait, Runnable offer) {
        if (expiryOffer == null && !expiryOffered) {
            expiryOffer = threads.schedule(() -> runLocked(offer), wait);
        }
    }

    void cancelTimers() {
        if (next != null) {
            next.cancel(false);
        }
        if (expiryOffer != null) {
            expiryOffer.cancel(false);
        }
    }

    private void runLocked(Runnable step) {
        if (threads.closed()) {
            return;
        }
        lock.lock();
        try {
            step.run();
        } catch (StaleSaleException e) {
            afterFailedStep.accept(this);
        } catch (RuntimeException e) {
            if (threads.closed()) {
                // Stopping is not a failure: the next start resumes the sale from the ledger.
                log.debug("Sale {} step cut short by the close", reference, e);
                return;
            }
            log.error("Sale {} step failed; trying again shortly", reference, e);
            afterFailedStep.accept(this);
        } finally {
            lock.unlock();
        }
    }
}
