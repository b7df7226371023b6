package com.scantill.reports;

import com.scantill.words.Language;
import com.scantill.words.Words;
import com.scantill.ledger.Ledger;
import com.scantill.ledger.SaleFilter;
import com.scantill.model.SaleStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the daily report over a ledger of a year at 2,000 sales a day, and renders the sample pages of the README;
 * asserts nothing. Run with {@code ./mvnw test -Dtest=ReportBenchmark -DexcludedTestGroups=none}; the table lands
 * in {@code target/benchmark-report.md}, the pictures in {@code assets/}.
 */
@Tag("benchmark")
class ReportBenchmark {

    private static final int DAYS = 365;
    private static final int SALES_A_DAY = 2_000;
    private static final int RUNS = 20;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 11, 26);

    @TempDir
    Path dataFolder;

    @Test
    void aYearOfSales() throws Exception {
        Ledger.open(dataFolder).close();
        long filling = System.nanoTime();
        fill();
        long fillSeconds = (System.nanoTime() - filling) / 1_000_000_000;
        try (Ledger ledger = Ledger.open(dataFolder)) {
            DailyReports reports = new DailyReports(ledger, Clock.systemUTC());
            LocalDate day = FIRST_DAY.plusDays(200);
            long[] allTills = time(() -> reports.build(day, DailyReports.BANGKOK, null, "bench"));
            long[] oneTill = time(() -> reports.build(day, DailyReports.BANGKOK, "till-2", "bench"));
            DailyReport report = reports.build(day, DailyReports.BANGKOK, null, "Malee");
            Words thai = Words.of(Language.TH, DailyReports.BANGKOK);
            Words english = Words.of(Language.EN, DailyReports.BANGKOK);
            long[] pdf = time(() -> PdfReportWriter.write(report, ReportLayout.A4, thai, new ByteArrayOutputStream()));
            long[] csv = time(() -> CsvReportWriter.writeTransactions(report, new ByteArrayOutputStream()));
            String table = String.format(Locale.ROOT, "Ledger: %,d sales over %d days on 4 tills (%d s to fill); "
                            + "the day reported holds %,d sales.%n%n| step (%d runs) | p50 | max |%n|---|---|---|%n"
                            + "| report of a day, all tills (SQL) | %.1f ms | %.1f ms |%n"
                            + "| report of a day, one till (SQL) | %.1f ms | %.1f ms |%n"
                            + "| PDF of the day, A4, in Thai | %.1f ms | %.1f ms |%n| CSV of the day's transactions | %.1f ms | %.1f ms |%n",
                    (long) DAYS * SALES_A_DAY, DAYS, fillSeconds, report.transactions().size(), RUNS,
                    allTills[RUNS / 2] / 1e3, allTills[RUNS - 1] / 1e3, oneTill[RUNS / 2] / 1e3, oneTill[RUNS - 1] / 1e3,
                    pdf[RUNS / 2] / 1e3, pdf[RUNS - 1] / 1e3, csv[RUNS / 2] / 1e3, csv[RUNS - 1] / 1e3);
            PeriodReports periods = new PeriodReports(ledger, Clock.systemUTC());
            ReportPeriod month = new ReportPeriod(day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1).minusDays(1));
            ReportPeriod year = new ReportPeriod(FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1));
            long[] monthAll = time(() -> periods.build(month, DailyReports.BANGKOK, null, "bench"));
            long[] monthOne = time(() -> periods.build(month, DailyReports.BANGKOK, "till-2", "bench"));
            long[] yearAll = time(() -> periods.build(year, DailyReports.BANGKOK, null, "bench"), 5);
            SaleFilter paidInTheMonth = new SaleFilter(month.from(DailyReports.BANGKOK), month.to(DailyReports.BANGKOK), "till-2",
                    SaleStatus.SUCCESSFUL, null);
            long[] page = time(() -> {
                ledger.reports().sales(paidInTheMonth, 2_000);
                ledger.reports().sum(paidInTheMonth);
            });
            SaleSearch byLastFour = SaleSearch.parse("4821", day, DailyReports.BANGKOK).orElseThrow();
            SaleSearch byTime = SaleSearch.parse("14:05", day, DailyReports.BANGKOK).orElseThrow();
            long[] lastFour = time(() -> byLastFour.run(ledger.reports(), 200));
            long[] atTime = time(() -> byTime.run(ledger.reports(), 200));
            SaleSearch byAmount = SaleSearch.parse("1,234.56", day, DailyReports.BANGKOK).orElseThrow();
            long[] amount = time(() -> byAmount.run(ledger.reports(), 200));
            PeriodReport monthReport = periods.build(month, DailyReports.BANGKOK, null, "Malee");
            long[] monthPdf = time(() -> PeriodPdfWriter.write(monthReport, thai, new ByteArrayOutputStream()));
            table += String.format(Locale.ROOT, "| sales report of a month, all tills (SQL, days and hours) | %.1f ms | %.1f ms |%n"
                            + "| sales report of a month, one till | %.1f ms | %.1f ms |%n"
                            + "| sales report of the year, all tills (5 runs) | %.1f ms | %.1f ms |%n"
                            + "| sales table of a month (one till, successful): first %,d rows and the filter's sums | %.1f ms | %.1f ms |%n"
                            + "| find a sale by the code's last four digits, across the year | %.1f ms | %.1f ms |%n"
                            + "| find a sale by a time (14:05) on the last 31 days | %.1f ms | %.1f ms |%n"
                            + "| find a sale by an amount (฿1,234.56), across the year | %.1f ms | %.1f ms |%n"
                            + "| PDF of the month with its charts, in Thai | %.1f ms | %.1f ms |%n",
                    monthAll[RUNS / 2] / 1e3, monthAll[RUNS - 1] / 1e3, monthOne[RUNS / 2] / 1e3, monthOne[RUNS - 1] / 1e3,
                    yearAll[2] / 1e3, yearAll[4] / 1e3, 2_000, page[RUNS / 2] / 1e3, page[RUNS - 1] / 1e3,
                    lastFour[RUNS / 2] / 1e3, lastFour[RUNS - 1] / 1e3, atTime[RUNS / 2] / 1e3, atTime[RUNS - 1] / 1e3, amount[RUNS / 2] / 1e3, amount[RUNS - 1] / 1e3,
                    monthPdf[RUNS / 2] / 1e3, monthPdf[RUNS - 1] / 1e3);
            System.out.println(table);
            Files.writeString(Path.of("target", "benchmark-report.md"), table);
            periodPage(monthReport, english, 1, Path.of("assets", "sales-sample-month-a4.png"));
            periodPage(monthReport, english, 2, Path.of("assets", "sales-sample-charts-a4.png"));
            periodPage(monthReport, thai, 2, Path.of("assets", "th", "sales-sample-charts-a4.png"));
            samplePage(report, ReportLayout.A4, english, Path.of("assets", "report-sample-a4.png"));
            samplePage(report, ReportLayout.RECEIPT_80MM, english, Path.of("assets", "report-sample-80mm.png"));
            samplePage(report, ReportLayout.A4, thai, Path.of("assets", "th", "report-sample-a4.png"));
            samplePage(report, ReportLayout.RECEIPT_80MM, thai, Path.of("assets", "th", "report-sample-80mm.png"));
        }
    }

    private static long[] time(Runnable work) {
        return time(work, RUNS);
    }

    /** {@code work}'s times in microseconds over {@code runs} runs after a warm-up, sorted. */
    static long[] time(Runnable work, int runs) {
        long[] micros = new long[runs];
        work.run();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.run();
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    /** Fills the ledger straight through JDBC: a year of sales on four tills, about 1 % refunded, a few failing. */
    private void fill() throws Exception {
        Random random = new Random(7);
        String url = "jdbc:h2:file:" + dataFolder.resolve("ledger").resolve("scantill").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "scantill", "");
             PreparedStatement sale = connection.prepareStatement("INSERT INTO sale (till_reference, till_id, operator_id, "
                     + "amount, currency, payment_code_masked, charge_id, status, failure_code, fee, fee_vat, net, "
                     + "refunded_amount, created_at) VALUES (?, ?, ?, ?, 'THB', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement refund = connection.prepareStatement("INSERT INTO sale_refund (refund_reference, "
                     + "till_reference, amount, status, refund_id, operator_id, approved_by, requested_at, finished_at) "
                     + "VALUES (?, ?, ?, 'DONE', ?, 'c1', 's1', ?, ?)")) {
            connection.setAutoCommit(false);
            Instant start = FIRST_DAY.atStartOfDay(DailyReports.BANGKOK).toInstant();
            for (int day = 0; day < DAYS; day++) {
                for (int i = 0; i < SALES_A_DAY; i++) {
                    String reference = "t-" + day + "-" + i;
                    long amount = 2_000 + random.nextInt(500_000);
                    boolean paid = random.nextInt(100) < 92;
                    long fee = (amount * 165 + 5_000) / 10_000;
                    long feeVat = (fee * 7 + 50) / 100;
                    boolean refunded = paid && random.nextInt(100) == 0;
                    Instant at = start.plusSeconds(day * 86_400L + 8 * 3_600L + i * 21L);
                    sale.setString(1, reference);
                    sale.setString(2, "till-" + (1 + i % 4));
                    sale.setString(3, "c" + (1 + i % 6));
                    sale.setLong(4, amount);
                    sale.setString(5, "**************" + String.format("%04d", i));
                    sale.setString(6, "chrg_test_" + reference);
                    sale.setString(7, paid ? "SUCCESSFUL" : "FAILED");
                    sale.setString(8, paid ? null : "insufficient_fund");
                    sale.setLong(9, paid ? fee : 0);
                    sale.setLong(10, paid ? feeVat : 0);
                    sale.setLong(11, paid ? amount - fee - feeVat : 0);
                    sale.setLong(12, refunded ? amount : 0);
                    sale.setTimestamp(13, Timestamp.from(at));
                    sale.addBatch();
                    if (refunded) {
                        refund.setString(1, reference + "-R1");
                        refund.setString(2, reference);
                        refund.setLong(3, amount);
                        refund.setString(4, "rfnd_" + reference);
                        refund.setTimestamp(5, Timestamp.from(at.plusSeconds(600)));
                        refund.setTimestamp(6, Timestamp.from(at.plusSeconds(600)));
                        refund.addBatch();
                    }
                }
                sale.executeBatch();
                refund.executeBatch();
                connection.commit();
            }
        }
    }

    private static void periodPage(PeriodReport report, Words words, int page, Path png) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PeriodPdfWriter.write(report, words, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 110);
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        }
    }

    private static void samplePage(DailyReport report, ReportLayout layout, Words words, Path png) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(report, layout, words, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, layout == ReportLayout.A4 ? 110 : 160);
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
        }
    }
}
