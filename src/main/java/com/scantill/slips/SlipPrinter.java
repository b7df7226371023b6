package com.scantill.slips;

import com.scantill.model.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints slips one after the other on a thread of its own, so that nobody waits for the printer. A slip stays first in
 * line until the printer has taken all of it: while the printer is away, out of paper or open, the slips wait and the
 * listeners are told, and they print, in order and once each, when it is back.
 */
public final class SlipPrinter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlipPrinter.class);

    /** Told on the printer's thread whenever its state or the number of waiting slips changes. */
    @FunctionalInterface
    public interface Listener {
        void printerChanged(State state);
    }

    /** The printer as the status bar shows it: how it is, and how many slips wait for it. */
    public record State(PrinterStatus status, int waiting) {
    }

    /** A slip in line: drawn on the printer's thread when its turn comes, once, then kept until it is printed. */
    private static final class Job {

        private final String name;
        private final Supplier<Slip> drawing;
        private final Runnable printed;
        private byte[] bytes;

        Job(String name, Supplier<Slip> drawing, Runnable printed) {
            this.name = name;
            this.drawing = drawing;
            this.printed = printed;
        }

        String name() {
            return name;
        }

        byte[] bytes() {
            if (bytes == null) {
                bytes = drawing.get().escPos();
            }
            return bytes;
        }
    }

    private final PrinterSettings settings;
    private final Duration timeout;
    private final Duration retryEvery;
    private final Deque<Job> jobs = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private State state = new State(PrinterStatus.UNKNOWN, 0);
    private boolean closed;

    public SlipPrinter(PrinterSettings settings, Duration timeout, Duration retryEvery) {
        this.settings = settings;
        this.timeout = timeout;
        this.retryEvery = retryEvery;
        this.worker = DaemonThreads.named("slip-printer").newThread(this::work);
        worker.start();
    }

    public boolean configured() {
        return settings.connection() != PrinterSettings.Connection.NONE;
    }

    public PrinterSettings settings() {
        return settings;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
        listener.printerChanged(state());
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Puts a slip in line, to be drawn on the printer's thread, so that the caller (a cashier's screen, the engine)
     * never waits for Java2D or the printer; {@code name} is for the log. {@code printed} runs on the printer's thread
     * once the printer has taken the whole slip. Does nothing when no printer is set up.
     */
    public synchronized void print(String name, Supplier<Slip> slip, Runnable printed) {
        if (!configured() || closed) {
            return;
        }
        jobs.addLast(new Job(name, slip, printed));
        notifyAll();
        publish(state.status());
    }

    private void work() {
        try {
            while (true) {
                Job next = nextJob();
                if (next == null) {
                    return;
                }
                PrinterStatus status = attempt(next);
                synchronized (this) {
                    if (status == PrinterStatus.READY || status == PrinterStatus.UNKNOWN) {
                        jobs.removeFirst();
                        publish(status);
                        continue;
                    }
                    publish(status);
                    wait(retryEvery.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Job nextJob() throws InterruptedException {
        while (jobs.isEmpty() && !closed) {
            wait();
        }
        return closed ? null : jobs.peekFirst();
    }

    /** Sends one slip; what the printer said, or {@link PrinterStatus#OFFLINE} when it could not be reached. */
    private PrinterStatus attempt(Job job) {
        try (PrinterLink link = settings.open(timeout)) {
            PrinterStatus before = link.status();
            if (before != PrinterStatus.READY && before != PrinterStatus.UNKNOWN) {
                log.info("The printer cannot print {} now: {}", job.name(), before);
                return before;
            }
            link.send(job.bytes());
            log.info("Printed {}", job.name());
            noteThatItPrinted(job);
            return before;
        } catch (IOException e) {
            log.warn("The printer could not be reached for {}: {}", job.name(), e.getMessage());
            return PrinterStatus.OFFLINE;
        } catch (RuntimeException e) {
            // A slip that cannot be drawn would stop every slip behind it: it is left out, and said so.
            log.error("The slip {} could not be made and is left out", job.name(), e);
            return PrinterStatus.UNKNOWN;
        }
    }

    private static void noteThatItPrinted(Job job) {
        try {
            job.printed.run();
        } catch (RuntimeException e) {
            log.warn("The slip {} was printed, but that could not be noted: {}", job.name(), e.getMessage());
        }
    }

    private void publish(PrinterStatus status) {
        State now = new State(status, jobs.size());
        if (!now.equals(state)) {
            state = now;
            listeners.forEach(listener -> listener.printerChanged(now));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            worker.join(timeout.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
