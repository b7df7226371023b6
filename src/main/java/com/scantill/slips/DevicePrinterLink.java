package com.scantill.slips;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A USB printer the system shows as a device file ({@code /dev/usb/lp0}): bytes in, no status out. */
final class DevicePrinterLink implements PrinterLink {

    private final OutputStream out;

    DevicePrinterLink(Path device) throws IOException {
        out = Files.newOutputStream(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public PrinterStatus status() {
        return PrinterStatus.UNKNOWN;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
