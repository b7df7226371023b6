package com.scantill.scanner;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Objects;

/** A serial or USB-CDC scanner's port and line settings; 9600 8N1 with CR by default, as most scanners ship. */
public record SerialSettings(String portName, int baudRate, int dataBits, Parity parity, StopBits stopBits,
                             LineEnding lineEnding) {

    public enum Parity {
        NONE(SerialPort.NO_PARITY), ODD(SerialPort.ODD_PARITY), EVEN(SerialPort.EVEN_PARITY),
        MARK(SerialPort.MARK_PARITY), SPACE(SerialPort.SPACE_PARITY);

        final int jSerialComm;

        Parity(int jSerialComm) {
            this.jSerialComm = jSerialComm;
        }
    }

    public enum StopBits {
        ONE(SerialPort.ONE_STOP_BIT), ONE_POINT_FIVE(SerialPort.ONE_POINT_FIVE_STOP_BITS), TWO(SerialPort.TWO_STOP_BITS);

        final int jSerialComm;

        StopBits(int jSerialComm) {
            this.jSerialComm = jSerialComm;
        }
    }

    public enum LineEnding {
        CR("\r"), LF("\n"), CRLF("\r\n");

        final String characters;

        LineEnding(String characters) {
            this.characters = characters;
        }
    }

    public SerialSettings {
        Objects.requireNonNull(portName, "portName");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(lineEnding, "lineEnding");
        if (baudRate <= 0 || dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("a positive baud rate and 5 to 8 data bits");
        }
    }

    public static SerialSettings defaults(String portName) {
        return new SerialSettings(portName, 9600, 8, Parity.NONE, StopBits.ONE, LineEnding.CR);
    }
}
