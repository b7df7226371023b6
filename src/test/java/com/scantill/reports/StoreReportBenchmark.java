package com.scantill.reports;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReportRecords;
import com.scantill.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the daily report over a shop's store on PostgreSQL: 50 tills, a month of sales (3,000,000: 2,000 a till a
 * day), as {@link ReportBenchmark} does for one till's H2 file; asserts nothing. Run with
 * {@code ./mvnw test -Dtest=StoreReportBenchmark -DexcludedTestGroups=none}; the table lands in
 * {@code target/benchmark-store-report.md}.
 */
@Tag("benchmark")
class StoreReportBenchmark {

    private static final int TILLS = 50;
    private static final int DAYS = 30;
    private static final int SALES_A_TILL_A_DAY = 2_000;
    private static final int RUNS = 10;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 27);

    @TempDir
    Path keyFolder;

    @Test
    void aMonthOfFiftyTills() throws Exception {
        try (HikariDataSource pool = TestPostgres.freshDatabase();
             Ledger store = Ledger.openStore(pool, keyFolder)) {
            long filling = System.nanoTime();
            fill(pool);
            long fillSeconds = (System.nanoTime() - filling) / 1_000_000_000;
            DailyReports reports = new DailyReports(store, Clock.systemUTC());
            LocalDate day = FIRST_DAY.plusDays(20);
            long[] allTills = time(() -> reports.build(day, DailyReports.BANGKOK, null, "bench"));
            long[] oneTill = time(() -> reports.build(day, DailyReports.BANGKOK, "till-7", "bench"));
            long[] tillList = time(reports::tillIds);
            Instant from = day.atStartOfDay(DailyReports.BANGKOK).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(DailyReports.BANGKOK).toInstant();
            ReportRecords records = store.reports();
            long[] sums = time(() -> {
                records.sums(from, to, null);
                records.refundsMade(from, to, null);
            });
            long[] salesRead = time(() -> records.sales(from, to, null));
            DailyReport report = reports.build(day, DailyReports.BANGKOK, null, "bench");
            String table = String.format(Locale.ROOT, "Store: %,d sales over %d days on %d tills (%d s to fill with SQL); "
                            + "the day reported holds %,d sales.%n%n| step (%d runs) | p50 | max |%n|---|---|---|%n"
                            + "| report of a day, all %d tills (SQL and the day's sales read) | %.1f ms | %.1f ms |%n"
                            + "| report of a day, one till | %.1f ms | %.1f ms |%n"
                            + "| of which the sums (status, refunds, method, operator, hour) | %.1f ms | %.1f ms |%n"
                            + "| of which the day's sales read | %.1f ms | %.1f ms |%n"
                            + "| the tills to choose from | %.1f ms | %.1f ms |%n",
                    (long) TILLS * DAYS * SALES_A_TILL_A_DAY, DAYS, TILLS, fillSeconds, report.transactions().size(), RUNS, TILLS,
                    allTills[RUNS / 2] / 1e3, allTills[RUNS - 1] / 1e3, oneTill[RUNS / 2] / 1e3, oneTill[RUNS - 1] / 1e3,
                    sums[RUNS / 2] / 1e3, sums[RUNS - 1] / 1e3, salesRead[RUNS / 2] / 1e3, salesRead[RUNS - 1] / 1e3,
                    tillList[RUNS / 2] / 1e3, tillList[RUNS - 1] / 1e3);
            System.out.println(table);
            Files.writeString(Path.of("target", "benchmark-store-report.md"), table);
        }
    }

    private static long[] time(Runnable work) {
        return ReportBenchmark.time(work, RUNS);
    }

    /**
     * The month in SQL, as the tills' copies would leave it: each till's sales through the shop's day (08:00 on),
     * 92 in 100 paid, about one in a hundred paid refunded whole.
     */
    private static void fill(HikariDataSource pool) throws Exception {
        int salesADay = TILLS * SALES_A_TILL_A_DAY;
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO sale (till_reference, till_id, operator_id, amount, currency, payment_code_masked, charge_id, "
                    + "status, failure_code, fee, fee_vat, net, refunded_amount, created_at, paid_at, finished_at) "
                    + "SELECT 't-' || g, 'till-' || (1 + g % " + TILLS + "), 'c' || (1 + g % 300), amount, 'THB', "
                    + "'**************' || lpad((g % 10000)::text, 4, '0'), 'chrg_test_' || g, "
                    + "CASE WHEN paid THEN 'SUCCESSFUL' ELSE 'FAILED' END, CASE WHEN paid THEN NULL ELSE 'insufficient_fund' END, "
                    + "CASE WHEN paid THEN fee ELSE 0 END, CASE WHEN paid THEN (fee * 7 + 50) / 100 ELSE 0 END, "
                    + "CASE WHEN paid THEN amount - fee - (fee * 7 + 50) / 100 ELSE 0 END, "
                    + "CASE WHEN paid AND g % 97 = 0 THEN amount ELSE 0 END, at, at + interval '9 seconds', at + interval '9 seconds' "
                    + "FROM (SELECT g, 2000 + (g * 7919) % 500000 AS amount, g % 100 < 92 AS paid, "
                    + "((2000 + (g * 7919) % 500000) * 165 + 5000) / 10000 AS fee, "
                    + "timestamptz '" + FIRST_DAY + " 08:00:00+07' + (g / " + salesADay + ") * interval '1 day' "
                    + "+ (g % " + salesADay + ") * interval '0.43 seconds' AS at "
                    + "FROM generate_series(0::bigint, " + ((long) salesADay * DAYS - 1) + ") g) month");
            sql.execute("INSERT INTO sale_refund (refund_reference, till_reference, amount, status, refund_id, operator_id, "
                    + "approved_by, requested_at, finished_at) SELECT till_reference || '-R1', till_reference, refunded_amount, "
                    + "'DONE', 'rfnd_' || till_reference, 'c1', 's1', created_at + interval '10 minutes', "
                    + "created_at + interval '10 minutes' FROM sale WHERE refunded_amount > 0");
            sql.execute("VACUUM ANALYZE");
        }
    }
}
