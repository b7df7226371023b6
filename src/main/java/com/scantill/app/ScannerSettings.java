package com.scantill.app;

import com.scantill.scanner.SerialSettings;
import com.scantill.scanner.WedgeSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Which scanner the till reads, and how. Keys in {@code settings.properties}: {@code scanner.driver}
 * ({@code keyboard} or {@code serial}); {@code scanner.keyboard.maxGapMillis}, {@code .maxPauseMillis}, {@code .minLength},
 * {@code .terminator} ({@code ENTER}, {@code TAB}, {@code SUFFIX}), {@code .suffix}, {@code .prefix};
 * {@code scanner.serial.port}, {@code .baud}, {@code .dataBits}, {@code .parity}, {@code .stopBits},
 * {@code .lineEnding} ({@code CR}, {@code LF}, {@code CRLF}).
 */
public record ScannerSettings(Driver driver, WedgeSettings keyboard, SerialSettings serial) {

    public enum Driver {
        KEYBOARD,
        SERIAL
    }

    public ScannerSettings {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(keyboard, "keyboard");
        if (driver == Driver.SERIAL && serial == null) {
            throw new InvalidSettingException(InvalidSettingException.Problem.SERIAL_PORT_MISSING, "",
                    "A serial scanner needs scanner.serial.port.");
        }
    }

    public static ScannerSettings defaults() {
        return new ScannerSettings(Driver.KEYBOARD, WedgeSettings.defaults(), null);
    }

    static ScannerSettings from(Properties file) {
        WedgeSettings wedgeDefaults = WedgeSettings.defaults();
        WedgeSettings keyboard = new WedgeSettings(
                Duration.ofMillis(Long.parseLong(file.getProperty("scanner.keyboard.maxGapMillis",
                        Long.toString(wedgeDefaults.maxGap().toMillis())).strip())),
                Duration.ofMillis(Long.parseLong(file.getProperty("scanner.keyboard.maxPauseMillis",
                        Long.toString(wedgeDefaults.maxPause().toMillis())).strip())),
                Integer.parseInt(file.getProperty("scanner.keyboard.minLength", Integer.toString(wedgeDefaults.minLength())).strip()),
                WedgeSettings.Terminator.valueOf(upper(file.getProperty("scanner.keyboard.terminator", "ENTER"))),
                file.getProperty("scanner.keyboard.suffix", ""),
                file.getProperty("scanner.keyboard.prefix", ""));
        String port = file.getProperty("scanner.serial.port");
        SerialSettings serial = null;
        if (port != null && !port.isBlank()) {
            SerialSettings serialDefaults = SerialSettings.defaults(port.strip());
            serial = new SerialSettings(port.strip(),
                    Integer.parseInt(file.getProperty("scanner.serial.baud", Integer.toString(serialDefaults.baudRate())).strip()),
                    Integer.parseInt(file.getProperty("scanner.serial.dataBits", Integer.toString(serialDefaults.dataBits())).strip()),
                    SerialSettings.Parity.valueOf(upper(file.getProperty("scanner.serial.parity", "NONE"))),
                    SerialSettings.StopBits.valueOf(upper(file.getProperty("scanner.serial.stopBits", "ONE"))),
                    SerialSettings.LineEnding.valueOf(upper(file.getProperty("scanner.serial.lineEnding", "CR"))));
        }
        Driver driver = Driver.valueOf(upper(file.getProperty("scanner.driver", "keyboard")));
        return new ScannerSettings(driver, keyboard, serial);
    }

    void writeTo(Properties file) {
        file.setProperty("scanner.driver", driver.name().toLowerCase(Locale.ROOT));
        file.setProperty("scanner.keyboard.maxGapMillis", Long.toString(keyboard.maxGap().toMillis()));
        file.setProperty("scanner.keyboard.maxPauseMillis", Long.toString(keyboard.maxPause().toMillis()));
        file.setProperty("scanner.keyboard.minLength", Integer.toString(keyboard.minLength()));
        file.setProperty("scanner.keyboard.terminator", keyboard.terminator().name());
        file.setProperty("scanner.keyboard.suffix", keyboard.suffix());
        file.setProperty("scanner.keyboard.prefix", keyboard.prefix());
        if (serial != null) {
            file.setProperty("scanner.serial.port", serial.portName());
            file.setProperty("scanner.serial.baud", Integer.toString(serial.baudRate()));
            file.setProperty("scanner.serial.dataBits", Integer.toString(serial.dataBits()));
            file.setProperty("scanner.serial.parity", serial.parity().name());
            file.setProperty("scanner.serial.stopBits", serial.stopBits().name());
            file.setProperty("scanner.serial.lineEnding", serial.lineEnding().name());
        }
    }

    private static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }
}
