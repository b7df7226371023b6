package com.scantill.scanner;

import com.scantill.model.DaemonThreads;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial or USB-CDC scanner through jSerialComm. Reads are event-driven and put back together into lines; an
 * unplugged scanner is noticed, its port closed, and reopened by itself when the scanner comes back.
 */
public final class SerialScanner implements AutoCloseable {

    /** A port as the settings screen lists it. */
    public record PortInfo(String name, String description) {
    }

    private static final Logger log = LoggerFactory.getLogger(SerialScanner.class);
    private static final int EACCES = 13;

    private final SerialSettings settings;
    private final ScanDispatcher dispatcher;
    private final Duration checkEvery;
    private final Duration partialLineTimeout;
    private final ScheduledExecutorService watchdog;
    private final LineAssembler lines;
    private SerialPort port;
    private ScannerState.Status status;
    private ScheduledFuture<?> partialLineCheck;
    private boolean closed;

    /**
     * @param checkEvery         how often a missing scanner is looked for, and an open one checked
     * @param partialLineTimeout how long a line may stay unfinished before it is thrown away
     */
    public SerialScanner(SerialSettings settings, ScanDispatcher dispatcher, Duration checkEvery, Duration partialLineTimeout) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.checkEvery = checkEvery;
        this.partialLineTimeout = partialLineTimeout;
        this.lines = new LineAssembler(settings.lineEnding());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("serial-scanner"));
    }

    public static SerialScanner withDefaults(SerialSettings settings, ScanDispatcher dispatcher) {
        return new SerialScanner(settings, dispatcher, Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    /** The ports jSerialComm finds on this computer. */
    public static List<PortInfo> availablePorts() {
        return Arrays.stream(SerialPort.getCommPorts())
                .map(port -> new PortInfo(port.getSystemPortPath(), port.getPortDescription()))
                .toList();
    }

    /** Opens the port now if it can, and keeps watching it until {@link #close()}. */
    public void start() {
        watchdog.execute(this::check);
        watchdog.scheduleWithFixedDelay(this::check, checkEvery.toNanos(), checkEvery.toNanos(), TimeUnit.NANOSECONDS);
    }

    public synchronized boolean isConnected() {
        return status == ScannerState.Status.CONNECTED;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            closePort();
        }
        watchdog.shutdownNow();
    }

    private synchronized void check() {
        if (closed) {
            return;
        }
        if (port == null) {
            open();
        } else if (!stillThere()) {
            disconnected();
        }
    }

    private void open() {
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(settings.portName());
        } catch (RuntimeException e) {
            report(ScannerState.Status.DISCONNECTED, ScannerState.Situation.NOT_THERE, 0);
            return;
        }
        candidate.setComPortParameters(settings.baudRate(), settings.dataBits(), settings.stopBits().jSerialComm,
                settings.parity().jSerialComm);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!candidate.openPort()) {
            int error = candidate.getLastErrorCode();
            ScannerState.Situation why = openFailure(error, exists(settings.portName()));
            report(why == ScannerState.Situation.PERMISSION_DENIED ? ScannerState.Status.FAILED : ScannerState.Status.DISCONNECTED,
                    why, error);
            return;
        }
        candidate.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_DATA_AVAILABLE | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                    synchronized (SerialScanner.this) {
                        disconnected();
                    }
                } else {
                    readAvailable();
                }
            }
        });
        port = candidate;
        report(ScannerState.Status.CONNECTED, ScannerState.Situation.CONNECTED, 0);
    }

    /** Why a port will not open: a Linux permission problem, no port at all, or something else holding it. */
    static ScannerState.Situation openFailure(int errorCode, boolean exists) {
        if (errorCode == EACCES) {
            return ScannerState.Situation.PERMISSION_DENIED;
        }
        return exists ? ScannerState.Situation.PORT_BUSY : ScannerState.Situation.NOT_THERE;
    }

    private static boolean exists(String portName) {
        return !portName.startsWith("/") || Files.exists(Path.of(portName));
    }

    private boolean stillThere() {
        return port.isOpen() && port.bytesAvailable() >= 0 && exists(settings.portName());
    }

    private void readAvailable() {
        List<LineAssembler.Line> complete;
        synchronized (this) {
            if (port == null) {
                return;
            }
            int available = port.bytesAvailable();
            if (available < 0) {
                disconnected();
                return;
            }
            if (available == 0) {
                return;
            }
            byte[] buffer = new byte[available];
            int read = port.readBytes(buffer, buffer.length);
            if (read <= 0) {
                return;
            }
            complete = lines.add(buffer, read);
            schedulePartialLineCheck();
        }
        for (LineAssembler.Line line : complete) {
            if (line.text() != null) {
                dispatcher.read(line.text(), settings.portName());
            } else {
                dispatcher.reject(line.rejection(), line.echo(), 0, settings.portName());
            }
        }
    }

    private void schedulePartialLineCheck() {
        if (partialLineCheck != null) {
            partialLineCheck.cancel(false);
        }
        if (lines.hasPartialLine()) {
            partialLineCheck = watchdog.schedule(() -> {
                LineAssembler.Line abandoned;
                synchronized (this) {
                    if (!lines.hasPartialLine()) {
                        return;
                    }
                    abandoned = lines.abandonPartial();
                }
                dispatcher.reject(abandoned.rejection(), abandoned.echo(), 0, settings.portName());
            }, partialLineTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void disconnected() {
        if (port == null) {
            return;
        }
        closePort();
        report(ScannerState.Status.DISCONNECTED, ScannerState.Situation.UNPLUGGED, 0);
    }

    private void closePort() {
        if (port != null) {
            port.removeDataListener();
            port.closePort();
            port = null;
        }
    }

    private void report(ScannerState.Status newStatus, ScannerState.Situation situation, int errorCode) {
        if (newStatus == status) {
            return;
        }
        status = newStatus;
        log.info("Scanner on {}: {}{}", settings.portName(), situation, errorCode == 0 ? "" : " (error " + errorCode + ")");
        dispatcher.stateChanged(new ScannerState(settings.portName(), newStatus, situation, errorCode));
    }
}
