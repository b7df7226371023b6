package com.scantill.omise;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One page of an API list. {@link #hasMore()} tells whether another page follows this one. */
public record ListPage<T>(
        String object,
        Instant from,
        Instant to,
        int offset,
        int limit,
        int total,
        ListOrder order,
        String location,
        List<T> data) {

    public ListPage {
        data = data == null ? List.of() : data.stream().filter(Objects::nonNull).toList();
    }

    public boolean hasMore() {
        return !data.isEmpty() && offset + data.size() < total;
    }
}
