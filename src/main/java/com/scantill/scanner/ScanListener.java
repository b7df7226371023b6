package com.scantill.scanner;

/** Hears from a scanner, on the scanner's own thread (the FX thread for a keyboard wedge). */
public interface ScanListener {

    void scanned(Scan scan);

    default void rejected(RejectedScan rejected) {
    }

    default void stateChanged(ScannerState state) {
    }
}
