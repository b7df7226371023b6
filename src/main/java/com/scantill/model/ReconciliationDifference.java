package com.scantill.model;

import java.time.Instant;

/**
 * One way in which the ledger and Omise disagree about one sale. Each side is data for the words to tell: a status's
 * name and an amount ({@code SUCCESSFUL ฿100.00}), a status alone, an amount, or amount / fee / VAT / net; empty for
 * the side that has nothing.
 *
 * @param amount    the charge's amount, or the sale's when Omise has no charge: what a supervisor approves taking in
 * @param settledBy the supervisor who accepted Omise's state, or {@code null} while it stands
 */
public record ReconciliationDifference(long id, long runId, DifferenceKind kind, String tillReference, String chargeId,
                                       long amount, String inLedger, String atOmise, String settledBy, Instant settledAt) {

    public boolean settled() {
        return settledBy != null;
    }
}
