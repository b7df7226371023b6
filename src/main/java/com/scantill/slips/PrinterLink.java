package com.scantill.slips;

import java.io.IOException;

/** One way to a receipt printer. A link is opened for a job and closed after it, so that a printer that went away and came back is simply found again. */
public interface PrinterLink extends AutoCloseable {

    /** Writes every byte, or throws. */
    void send(byte[] bytes) throws IOException;

    /** Asks the printer how it is, where the connection can; {@link PrinterStatus#UNKNOWN} where it cannot. */
    PrinterStatus status() throws IOException;

    @Override
    void close() throws IOException;
}
