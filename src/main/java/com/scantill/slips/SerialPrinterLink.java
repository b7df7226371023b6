package com.scantill.slips;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A receipt printer on a serial or USB-CDC port, through jSerialComm as the serial scanner is. */
final class SerialPrinterLink extends StreamPrinterLink {

    private final SerialPort port;

    SerialPrinterLink(String portName, int baudRate, Duration timeout) throws IOException {
        port = SerialPort.getCommPort(portName);
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) timeout.toMillis(), (int) timeout.toMillis());
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

    @Override
    public void close() {
        port.closePort();
    }
}
