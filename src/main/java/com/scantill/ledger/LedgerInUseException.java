package com.scantill.ledger;

/** Another copy of ScanTill already has this data folder's ledger open. */
public final class LedgerInUseException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
