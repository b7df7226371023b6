package com.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.Ledger;
import com.scantill.model.ReconciliationRun;
import com.scantill.model.Sale;
import com.scantill.omise.OmiseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;

/** What every long run ends with: the end-of-day check of each day its sales span finds nothing differing. */
final class OmiseAgreement {

    private OmiseAgreement() {
    }

    static void assertTheDaysCheckFindsNothing(Ledger ledger, OmiseClient client, String homeTillId, Collection<Sale> sales,
                                               String checkedBy) {
        Reconciler reconciler = new Reconciler(ledger, client, homeTillId, TestStaff.WITHOUT_APPROVALS, Clock.systemUTC(),
                Duration.ofMinutes(10));
        sales.stream().map(sale -> LocalDate.ofInstant(sale.createdAt(), ZoneOffset.UTC)).distinct().forEach(day -> {
            ReconciliationRun run = reconciler.check(day, ZoneOffset.UTC, null, checkedBy);
            assertThat(ledger.reconciliations().differences(run.id())).as("differences on " + day).isEmpty();
        });
    }
}
