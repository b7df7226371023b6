package com.scantill.ledger;

import com.scantill.model.Sale;
/**
 * A sale was written from a copy older than the ledger's: someone else (another till's engine on a shared ledger, a
 * sweep) changed it since it was read. Nothing was written; read the sale again.
 */
public final class StaleSaleException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String tillReference;

    public StaleSaleException(String tillReference, long versionRead) {
        super("Sale " + tillReference + " changed since version " + versionRead + " was read; nothing was written");
        this.tillReference = tillReference;
    }

    public String tillReference() {
        return tillReference;
    }
}
