package com.scantill.slips;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A receipt printer on a serial or USB-CDC port, through jSerialComm as the serial scanner is. */
final class SerialPrinterLink extends StreamPrinterLink {

    /** Bytes a port may hold beyond what the system counts as waiting to be written. */
    private static final int UNSEEN_BUFFER = 4096;

    private final SerialPort port;
    private final int baudRate;

    SerialPrinterLink(String portName, int baudRate, Duration timeout) throws IOException {
        port = SerialPort.getCommPort(portName);
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        // A slip is tens of kilobytes, seconds of writing at 115,200 baud: writing waits as long as the port takes.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) timeout.toMillis(), 0);
        this.baudRate = baudRate;
        if (!port.openPort()) {
            throw new IOException("The printer's port " + portName + " could not be opened (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    protected OutputStream out() {
        return port.getOutputStream();
    }

    @Override
    protected InputStream in() {
        return port.getInputStream();
    }

    @Override
    public PrinterStatus status() throws IOException {
        try {
            return super.status();
        } catch (com.fazecast.jSerialComm.SerialPortTimeoutException silent) {
            return PrinterStatus.UNKNOWN;
        }
    }

    /**
     * Closes the port once what was written has left it: closing sooner drops the end of a slip. The system's count of
     * bytes waiting does not see the buffers past it (a USB adapter's, a pseudo-terminal's), so the port is held a
     * while longer, the time {@link #UNSEEN_BUFFER} bytes take at the port's speed.
     */
    @Override
    public void close() {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(UNSEEN_BUFFER * 10L * 1000 / baudRate + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }
}
