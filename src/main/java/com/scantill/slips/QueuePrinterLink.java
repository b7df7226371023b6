package com.scantill.slips;

import java.io.IOException;
import java.util.Arrays;
import javax.print.DocFlavor;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;

/** A printer behind the system's print queue (CUPS, Windows), sent the raw ESC/POS bytes as they are. */
final class QueuePrinterLink implements PrinterLink {

    private final PrintService queue;

    QueuePrinterLink(String queueName) throws IOException {
        queue = Arrays.stream(PrintServiceLookup.lookupPrintServices(DocFlavor.BYTE_ARRAY.AUTOSENSE, null))
                .filter(service -> service.getName().equalsIgnoreCase(queueName)).findFirst()
                .orElseThrow(() -> new IOException("No print queue named " + queueName));
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        try {
            queue.createPrintJob().print(new SimpleDoc(bytes, DocFlavor.BYTE_ARRAY.AUTOSENSE, null), null);
        } catch (PrintException e) {
            throw new IOException("The print queue " + queue.getName() + " refused the slip: " + e.getMessage(), e);
        }
    }

    @Override
    public PrinterStatus status() {
        return PrinterStatus.UNKNOWN;
    }

    @Override
    public void close() {
        // A queue holds nothing open between jobs.
    }
}
