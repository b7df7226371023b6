package com.scantill.scanner;

/**
 * Whether a scanner can be used, and why not, for the status bar to put in words.
 *
 * @param errorCode the system's error number when a port would not open ({@link Situation#PORT_BUSY}), else 0
 */
public record ScannerState(String scanner, Status status, Situation situation, int errorCode) {

    public enum Status {
        CONNECTED,
        DISCONNECTED,
        FAILED
    }

    /** What the operator is told of the scanner. */
    public enum Situation {
        /** The keyboard scanner: ready whenever the till's window has the keyboard. */
        KEYBOARD_READY,
        /** A serial scanner, open and read. */
        CONNECTED,
        /** No scanner at the port: plugged out, or another port is set; the till waits for it. */
        NOT_THERE,
        /** The scanner went away; the till waits for it to come back. */
        UNPLUGGED,
        /** This user may not open the port (Linux: not in the dialout group). */
        PERMISSION_DENIED,
        /** The port would not open for another reason; another program may hold it. */
        PORT_BUSY
    }

    public ScannerState(String scanner, Status status, Situation situation) {
        this(scanner, status, situation, 0);
    }

    public boolean isConnected() {
        return status == Status.CONNECTED;
    }
}
