package com.scantill.slips;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the receipt printer is and how wide its paper.
 *
 * @param address for {@link Connection#NETWORK} {@code host} or {@code host:port} (9100 when left out); for
 *                {@link Connection#DEVICE} the device file; for {@link Connection#SERIAL} the port, or {@code port@baud}
 *                (9600 when left out); for {@link Connection#QUEUE} the system print queue's name
 */
public record PrinterSettings(Connection connection, String address, Paper paper) {

    public enum Connection {
        NONE,
        NETWORK,
        DEVICE,
        SERIAL,
        QUEUE
    }

    /** The paper's width, and the dots a line of it holds at 203 dpi. */
    public enum Paper {
        MM58(384),
        MM80(576);

        private final int dots;

        Paper(int dots) {
            this.dots = dots;
        }

        public int dots() {
            return dots;
        }
    }

    public PrinterSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(paper, "paper");
        address = address == null ? "" : address.strip();
        if (connection != Connection.NONE && address.isEmpty()) {
            throw new IllegalArgumentException("A " + connection + " printer needs its address");
        }
        // A port or a speed that is not a number would only show when the first slip is sent, and lose it.
        if (connection == Connection.NETWORK) {
            number(address, ':', 9100);
        } else if (connection == Connection.SERIAL) {
            number(address, '@', 9600);
        }
    }

    /** The number after the last {@code mark} in {@code address} (a port, a speed), or {@code otherwise} when none. */
    private static int number(String address, char mark, int otherwise) {
        int at = address.lastIndexOf(mark);
        if (at < 0) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(address.substring(at + 1));
            if (number <= 0) {
                throw new IllegalArgumentException("Not a port or speed above 0 in the printer's address " + address);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port or speed in the printer's address " + address, e);
        }
    }

    /** The address without its port or speed. */
    private static String before(String address, char mark) {
        int at = address.lastIndexOf(mark);
        return at < 0 ? address : address.substring(0, at);
    }

    public static PrinterSettings none() {
        return new PrinterSettings(Connection.NONE, "", Paper.MM80);
    }

    /** Opens a link to the printer for one job. */
    PrinterLink open(Duration timeout) throws IOException {
        return switch (connection) {
            case NONE -> throw new IOException("No printer is set up");
            case NETWORK -> new TcpPrinterLink(before(address, ':'), number(address, ':', 9100), timeout);
            case DEVICE -> new DevicePrinterLink(Path.of(address));
            case SERIAL -> new SerialPrinterLink(before(address, '@'), number(address, '@', 9600), timeout);
            case QUEUE -> new QueuePrinterLink(address);
        };
    }
}
