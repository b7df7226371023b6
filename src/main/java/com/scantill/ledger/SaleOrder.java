package com.scantill.ledger;

/** The orders a manager lists a period's sales in; each sorts in SQL, over every sale the filter picks. */
public enum SaleOrder {
    OLDEST("created_at, till_reference"),
    NEWEST("created_at DESC, till_reference DESC"),
    AMOUNT_HIGHEST("amount DESC, created_at DESC, till_reference DESC"),
    AMOUNT_LOWEST("amount, created_at, till_reference"),
    STATUS("status, created_at, till_reference"),
    METHOD("source_type, wallet, created_at, till_reference"),
    OPERATOR("operator_id, created_at, till_reference"),
    TILL("till_id, created_at, till_reference");

    private final String orderBy;

    SaleOrder(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
