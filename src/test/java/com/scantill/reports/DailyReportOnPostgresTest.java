package com.scantill.reports;

import com.scantill.ledger.Ledger;
import com.scantill.testing.TestPostgres;
import java.nio.file.Path;

/** The same hand-worked day, written to a shop's store on a real PostgreSQL: the ledger's and report's SQL on both. */
class DailyReportOnPostgresTest extends DailyReportTest {

    @Override
    Ledger openLedger(Path folder) {
        return Ledger.openStore(TestPostgres.freshDatabase(), folder);
    }
}
