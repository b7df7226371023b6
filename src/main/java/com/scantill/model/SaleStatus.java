package com.scantill.model;

/**
 * Where a sale stands. {@code CREATED}: in the ledger, nothing sent. {@code CREATING}: the charge request may have
 * left. {@code UNKNOWN}: its answer never came; being reconciled. {@code NOT_CREATED}: settled that no charge
 * exists, so the customer may be scanned again. The rest mirror the charge.
 */
public enum SaleStatus {
    CREATED,
    CREATING,
    PENDING,
    UNKNOWN,
    SUCCESSFUL,
    FAILED,
    EXPIRED,
    REVERSED,
    NOT_CREATED;

    public boolean isFinal() {
        return switch (this) {
            case SUCCESSFUL, FAILED, EXPIRED, REVERSED, NOT_CREATED -> true;
            case CREATED, CREATING, PENDING, UNKNOWN -> false;
        };
    }
}
