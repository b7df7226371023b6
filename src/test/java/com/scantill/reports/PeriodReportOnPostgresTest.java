package com.scantill.reports;

import com.scantill.ledger.Ledger;
import com.scantill.testing.TestPostgres;
import java.nio.file.Path;

/** The same month, table and search over a shop's store on a real PostgreSQL: its own quarter-hour SQL, the same sums. */
class PeriodReportOnPostgresTest extends PeriodReportTest {

    @Override
    Ledger openLedger(Path folder) {
        return Ledger.openStore(TestPostgres.freshDatabase(), folder);
    }
}
