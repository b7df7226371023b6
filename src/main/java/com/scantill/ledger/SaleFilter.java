package com.scantill.ledger;

import com.scantill.model.SaleStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which sales a manager looks at: started in {@code [from, to)}, and of one till, status and operator when these are
 * not {@code null}. The same filter picks the rows of the table and the sums under it, in SQL both.
 */
public record SaleFilter(Instant from, Instant to, String tillId, SaleStatus status, String operatorId) {

    public SaleFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static SaleFilter period(Instant from, Instant to, String tillId) {
        return new SaleFilter(from, to, tillId, null, null);
    }

    String where() {
        StringBuilder where = new StringBuilder("created_at >= ? AND created_at < ?");
        if (tillId != null) {
            where.append(" AND till_id = ?");
        }
        if (status != null) {
            where.append(" AND status = ?");
        }
        if (operatorId != null) {
            where.append(" AND operator_id = ?");
        }
        return where.toString();
    }

    Object[] parameters() {
        List<Object> parameters = new ArrayList<>(List.of(from, to));
        if (tillId != null) {
            parameters.add(tillId);
        }
        if (status != null) {
            parameters.add(status.name());
        }
        if (operatorId != null) {
            parameters.add(operatorId);
        }
        return parameters.toArray();
    }
}
