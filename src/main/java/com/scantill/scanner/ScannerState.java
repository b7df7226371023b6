package com.scantill.scanner;

/** Whether a scanner can be used, in words for the status bar. */
public record ScannerState(String scanner, Status status, String message) {

    public enum Status {
        CONNECTED,
        DISCONNECTED,
        FAILED
    }

    public boolean isConnected() {
        return status == Status.CONNECTED;
    }
}
