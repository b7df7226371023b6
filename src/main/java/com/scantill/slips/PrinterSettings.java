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
    }

    public static PrinterSettings none() {
        return new PrinterSettings(Connection.NONE, "", Paper.MM80);
    }

    /** Opens a link to the printer for one job. */
    PrinterLink open(Duration timeout) throws IOException {
        return switch (connection) {
            case NONE -> throw new IOException("No printer is set up");
            case NETWORK -> {
                int colon = address.lastIndexOf(':');
                yield colon < 0 ? new TcpPrinterLink(address, 9100, timeout)
                        : new TcpPrinterLink(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)), timeout);
            }
            case DEVICE -> new DevicePrinterLink(Path.of(address));
            case SERIAL -> {
                int at = address.lastIndexOf('@');
                yield at < 0 ? new SerialPrinterLink(address, 9600, timeout)
                        : new SerialPrinterLink(address.substring(0, at), Integer.parseInt(address.substring(at + 1)), timeout);
            }
            case QUEUE -> new QueuePrinterLink(address);
        };
    }
}
