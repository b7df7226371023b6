package com.scantill.model;

import java.time.Instant;

/**
 * One line of a sale's append-only event log.
 *
 * @param id           assigned by the ledger; 0 before it is written
 * @param operatorId   who acted, or {@code null} when the till itself did
 * @param statusAfter  the sale's status once this happened
 * @param amount       the money the event concerns (a refund's amount), or {@code null}
 */
public record SaleEvent(
        long id,
        String tillReference,
        Instant occurredAt,
        EventKind kind,
        String operatorId,
        SaleStatus statusAfter,
        Long amount,
        String detail) {

    public static SaleEvent of(EventKind kind, Sale after, String operatorId, Long amount, String detail, Instant at) {
        return new SaleEvent(0, after.tillReference(), at, kind, operatorId, after.status(), amount, detail);
    }
}
