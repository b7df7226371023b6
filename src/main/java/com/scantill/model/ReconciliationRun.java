package com.scantill.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One check of a business day against Omise.
 *
 * @param tillId    the till checked, or {@code null} for every till in the ledger
 * @param agreeing  sales on which the ledger and Omise agree
 * @param differing sales (or charges) on which they differ, each with one or more {@link ReconciliationDifference}s
 * @param requests  requests sent to Omise for the check
 */
public record ReconciliationRun(long id, LocalDate day, ZoneId zone, String tillId, Instant checkedAt, String checkedBy,
                                int agreeing, int differing, int requests) {
}
