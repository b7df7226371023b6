package com.scantill.omise;

import java.time.Instant;

/** Which page of a list to fetch. Omise allows at most 100 items a page. */
public record ListRequest(Instant from, Instant to, int offset, int limit, ListOrder order) {

    public static final int MAX_LIMIT = 100;

    public ListRequest {
        if (offset < 0) {
            throw new InvalidRequestException("offset", "A list offset cannot be negative.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "A list limit is 1 to " + MAX_LIMIT + ", not " + limit + ".");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "A list cannot start after it ends.");
        }
        if (order == null || order == ListOrder.UNKNOWN) {
            throw new InvalidRequestException("order", "A list order is chronological or reverse_chronological.");
        }
    }

    public static ListRequest firstPage() {
        return new ListRequest(null, null, 0, 20, ListOrder.CHRONOLOGICAL);
    }

    /** The newest first, made from {@code from} to {@code to} (or to now when {@code null}): how a lost charge is looked for. */
    public static ListRequest newestBetween(Instant from, Instant to, int limit) {
        return new ListRequest(from, to, 0, limit, ListOrder.REVERSE_CHRONOLOGICAL);
    }

    public ListRequest withOffset(int newOffset) {
        return new ListRequest(from, to, newOffset, limit, order);
    }

    public ListRequest withLimit(int newLimit) {
        return new ListRequest(from, to, offset, newLimit, order);
    }

    public ListRequest between(Instant newFrom, Instant newTo) {
        return new ListRequest(newFrom, newTo, offset, limit, order);
    }

    public ListRequest ordered(ListOrder newOrder) {
        return new ListRequest(from, to, offset, limit, newOrder);
    }
}
