package com.scantill.slips;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/**
 * A printer behind a pair of streams (a socket, a serial port) that answers ESC/POS real-time status requests: the
 * printer, the cause when it is offline, the paper. A printer that does not answer in time is {@link PrinterStatus#UNKNOWN},
 * and a slip is sent to it all the same.
 */
abstract class StreamPrinterLink implements PrinterLink {

    protected abstract OutputStream out() throws IOException;

    /** The printer's answers; reading times out (the connection's own time-out) with an exception or -1. */
    protected abstract InputStream in() throws IOException;

    @Override
    public void send(byte[] bytes) throws IOException {
        out().write(bytes);
        out().flush();
    }

    @Override
    public PrinterStatus status() throws IOException {
        PrinterStatus printer = ask(PrinterStatus.Query.PRINTER);
        if (printer != PrinterStatus.OFFLINE) {
            if (printer == PrinterStatus.READY) {
                PrinterStatus paper = ask(PrinterStatus.Query.PAPER);
                return paper == PrinterStatus.UNKNOWN ? PrinterStatus.READY : paper;
            }
            return printer;
        }
        PrinterStatus cause = ask(PrinterStatus.Query.OFFLINE_CAUSE);
        return cause == PrinterStatus.READY || cause == PrinterStatus.UNKNOWN ? PrinterStatus.OFFLINE : cause;
    }

    private PrinterStatus ask(PrinterStatus.Query query) throws IOException {
        send(EscPos.statusRequest(query));
        int answer;
        try {
            answer = in().read();
        } catch (SocketTimeoutException silent) {
            return PrinterStatus.UNKNOWN;
        }
        return answer < 0 ? PrinterStatus.UNKNOWN : PrinterStatus.read(query, answer);
    }
}
