package com.scantill.testing;

import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanListener;
import com.scantill.scanner.ScannerState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a scanner reported, for tests to look at. */
public final class RecordingScanListener implements ScanListener {

    public final List<Scan> scans = new CopyOnWriteArrayList<>();
    public final List<RejectedScan> rejected = new CopyOnWriteArrayList<>();
    public final List<ScannerState> states = new CopyOnWriteArrayList<>();

    @Override
    public void scanned(Scan scan) {
        scans.add(scan);
    }

    @Override
    public void rejected(RejectedScan rejection) {
        rejected.add(rejection);
    }

    @Override
    public void stateChanged(ScannerState state) {
        states.add(state);
    }
}
