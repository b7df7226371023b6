package com.scantill.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReportRecords.FilteredSum;
import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.SaleFilter;
import com.scantill.ledger.SaleOrder;
import com.scantill.model.EventKind;
import com.scantill.model.Money;
import com.scantill.model.PaymentMethod;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any period's report over a real H2 ledger: a month across its boundaries in Bangkok (UTC+7: November 2026 runs from
 * 31 October 17:00 UTC to 30 November 17:00 UTC), each day's fee and VAT, the charts' figures, the table's filter.
 */
class PeriodReportTest {

    private static final ReportPeriod NOVEMBER = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    private static final Instant PRINTED = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dataFolder;

    private Ledger ledger;
    private PeriodReports reports;

    /** The ledger the sales are written to: a till's H2 file here. */
    Ledger openLedger(Path folder) {
        return Ledger.open(folder);
    }

    @BeforeEach
    void open() {
        ledger = openLedger(dataFolder);
        reports = new PeriodReports(ledger, Clock.fixed(PRINTED, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private void aMonthAcrossItsBoundaries() {
        Sale october = paid(sale("OCT", "2026-10-31T16:59:59Z", 10_000, "c1", "till-1"), 165, 12, 9_823);
        paid(sale("N1", "2026-10-31T17:00:00Z", 20_000, "c1", "till-1"), 330, 23, 19_647);
        Sale big = paid(sale("N15", "2026-11-15T03:00:00Z", 150_000, "c2", "till-2"), 2_475, 173, 147_352);
        finish(sale("N15F", "2026-11-15T03:10:00Z", 5_000, "c1", "till-1"), SaleStatus.FAILED, "insufficient_fund");
        paid(sale("N30", "2026-11-30T16:59:59Z", 9_900, "c2", "till-1"), 163, 11, 9_726);
        paid(sale("DEC", "2026-11-30T17:00:00Z", 7_000, "c1", "till-1"), 116, 8, 6_876);
        refund(october, "OCT-R", 1_000, "2026-11-02T02:00:00Z");
        refund(big, "N15-R", 5_000, "2026-11-20T05:00:00Z");
    }

    @Test
    void aMonthInBangkokTakesItsOwnDaysOnlyWithEachDaysFeeAndVat() throws Exception {
        aMonthAcrossItsBoundaries();

        PeriodReport report = reports.build(NOVEMBER, DailyReports.BANGKOK, null, "Malee");

        assertThat(report.days()).hasSize(30);
        assertThat(report.days()).filteredOn(day -> day.sales() > 0 || day.refunds() > 0)
                .extracting(PeriodReport.DaySum::day, PeriodReport.DaySum::sales, PeriodReport.DaySum::paid,
                        PeriodReport.DaySum::gross, PeriodReport.DaySum::fee, PeriodReport.DaySum::feeVat,
                        PeriodReport.DaySum::net, PeriodReport.DaySum::refunds, PeriodReport.DaySum::refundedAmount)
                .containsExactly(
                        tuple(LocalDate.of(2026, 11, 1), 1L, 1L, 20_000L, 330L, 23L, 19_647L, 0L, 0L),
                        tuple(LocalDate.of(2026, 11, 2), 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1_000L),
                        tuple(LocalDate.of(2026, 11, 15), 2L, 1L, 150_000L, 2_475L, 173L, 147_352L, 0L, 0L),
                        tuple(LocalDate.of(2026, 11, 20), 0L, 0L, 0L, 0L, 0L, 0L, 1L, 5_000L),
                        tuple(LocalDate.of(2026, 11, 30), 1L, 1L, 9_900L, 163L, 11L, 9_726L, 0L, 0L));
        DailyReport.Totals totals = report.totals();
        assertThat(totals.successful()).isEqualTo(new DailyReport.Count(3, 179_900));
        assertThat(totals.failed()).isEqualTo(new DailyReport.Count(1, 5_000));
        assertThat(List.of(totals.fee(), totals.feeVat(), totals.net(), totals.refunds().amount(), totals.netAfterRefunds()))
                .containsExactly(2_968L, 207L, 176_725L, 6_000L, 170_725L);
        assertThat(report.days().stream().mapToLong(PeriodReport.DaySum::feeVat).sum()).isEqualTo(totals.feeVat());
        assertThat(report.byHourOfDay()).hasSize(24).filteredOn(hour -> hour.sales() > 0).containsExactly(
                new HourSum(0, 1, 1, 20_000), new HourSum(10, 2, 1, 150_000), new HourSum(23, 1, 1, 9_900));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvReportWriter.writeDays(report, csv);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows).hasSize(31);
        assertThat(rows.get(14).get("day")).isEqualTo("2026-11-15");
        assertThat(rows.get(14).get("fee_vat_satang")).isEqualTo("173");
        CSVRecord total = rows.get(30);
        assertThat(total.get("day")).isEqualTo("total 2026-11-01 to 2026-11-30");
        assertThat(List.of(total.get("sales"), total.get("gross_satang"), total.get("fee_satang"), total.get("fee_vat_satang"),
                total.get("net_satang"), total.get("refunded_satang"))).containsExactly("4", "179900", "2968", "207", "176725", "6000");

        Words english = Words.of(Language.EN, DailyReports.BANGKOK);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PeriodPdfWriter.write(report, english, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String days = stripper.getText(document);
            assertThat(days).contains("Sales report", "VAT on fee", Money.format(179_900), Money.format(2_968), Money.format(207));
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(document)).contains("Paid amount by hour", "Sales by hour", "Paid amount by operator",
                    "Sales by outcome", Money.format(150_000 + 9_900), "3 (75%)", "Highest: 10 · " + Money.format(150_000), "Highest: 10 · 2");
        }
    }

    @Test
    void oneDaysChartsAreTheDailyReportsOwnSumsByHourAndOperator() {
        aMonthAcrossItsBoundaries();
        LocalDate day = LocalDate.of(2026, 11, 15);
        DailyReport daily = new DailyReports(ledger, Clock.fixed(PRINTED, ZoneOffset.UTC)).build(day, DailyReports.BANGKOK, null, "Malee");

        PeriodReport period = reports.build(ReportPeriod.day(day), DailyReports.BANGKOK, null, "Malee");
        ReportCharts charts = ReportCharts.of(period, Words.of(Language.EN, DailyReports.BANGKOK));

        assertThat(period.byHourOfDay()).filteredOn(hour -> hour.sales() > 0).containsExactlyElementsOf(daily.byHour());
        assertThat(period.byOperator()).isEqualTo(daily.byOperator());
        assertThat(period.totals()).isEqualTo(daily.totals());
        assertThat(charts.paidAmountByHour().bars()).extracting(ReportCharts.Bar::value)
                .containsExactlyElementsOf(period.byHourOfDay().stream().map(HourSum::paidAmount).toList());
        assertThat(charts.salesByHour().bars()).extracting(ReportCharts.Bar::value)
                .containsExactlyElementsOf(period.byHourOfDay().stream().map(HourSum::sales).toList());
        assertThat(charts.paidAmountByOperator().bars()).extracting(ReportCharts.Bar::label, ReportCharts.Bar::value)
                .containsExactly(tuple("c1", 0L), tuple("c2", 150_000L));
        assertThat(charts.statusShares().bars()).extracting(ReportCharts.Bar::value).containsExactly(1L, 1L, 0L, 0L, 0L);
        assertThat(charts.statusShares().bars().get(0).valueText()).isEqualTo("1 (50%)");
    }

    @Test
    void theTablesSumsAreThoseOfEverySaleItsFilterPicks() {
        Random random = new Random(18);
        List<Sale> all = new ArrayList<>();
        Instant start = Instant.parse("2026-11-09T17:00:00Z");
        SaleStatus[] statuses = {SaleStatus.SUCCESSFUL, SaleStatus.SUCCESSFUL, SaleStatus.FAILED, SaleStatus.EXPIRED,
            SaleStatus.PENDING, SaleStatus.NOT_CREATED};
        for (int i = 0; i < 300; i++) {
            Sale sale = sale(String.format("R%03d", i), start.plusSeconds(random.nextInt(3 * 86_400)).toString(),
                    100 + random.nextInt(500_000), "op" + random.nextInt(3), "till-" + (1 + random.nextInt(3)));
            SaleStatus status = statuses[random.nextInt(statuses.length)];
            if (status == SaleStatus.SUCCESSFUL) {
                long fee = sale.amount() * 165 / 10_000;
                all.add(paid(sale, fee, fee * 7 / 100, sale.amount() - fee - fee * 7 / 100));
            } else {
                finish(sale, status, status == SaleStatus.FAILED ? "payment_rejected" : null);
                all.add(ledger.sales().sale(sale.tillReference()).orElseThrow());
            }
        }
        ReportPeriod twoDays = new ReportPeriod(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11));
        Instant from = twoDays.from(DailyReports.BANGKOK);
        Instant to = twoDays.to(DailyReports.BANGKOK);

        int filters = 0;
        for (String till : Arrays.asList(null, "till-1", "till-2", "till-3")) {
            for (SaleStatus status : Arrays.asList(null, SaleStatus.SUCCESSFUL, SaleStatus.FAILED, SaleStatus.PENDING)) {
                for (String operator : Arrays.asList(null, "op0", "op2")) {
                    SaleFilter filter = new SaleFilter(from, to, till, status, operator);
                    Predicate<Sale> picks = sale -> !sale.createdAt().isBefore(from) && sale.createdAt().isBefore(to)
                            && (till == null || till.equals(sale.tillId())) && (status == null || status == sale.status())
                            && (operator == null || operator.equals(sale.operatorId()));
                    List<Sale> expected = all.stream().filter(picks).toList();

                    assertThat(ledger.reports().sum(filter)).as("%s", filter).isEqualTo(sumOf(expected));
                    assertThat(ledger.reports().sales(filter, 10_000)).extracting(Sale::tillReference)
                            .containsExactlyInAnyOrderElementsOf(expected.stream().map(Sale::tillReference).toList());
                    filters++;
                }
            }
        }
        assertThat(filters).isEqualTo(48);
        assertThat(ledger.reports().sales(SaleFilter.period(from, to, null), 7)).hasSize(7);

        // Each order sorts every sale the filter picks, so that its first few are the whole period's first few.
        SaleFilter period = SaleFilter.period(from, to, null);
        List<Sale> picked = all.stream().filter(sale -> !sale.createdAt().isBefore(from) && sale.createdAt().isBefore(to)).toList();
        assertThat(ledger.reports().sales(period, SaleOrder.AMOUNT_HIGHEST, 5)).extracting(Sale::amount).containsExactlyElementsOf(
                picked.stream().map(Sale::amount).sorted(Comparator.reverseOrder()).limit(5).toList());
        assertThat(ledger.reports().sales(period, SaleOrder.NEWEST, 5)).extracting(Sale::createdAt).containsExactlyElementsOf(
                picked.stream().map(Sale::createdAt).sorted(Comparator.reverseOrder()).limit(5).toList());
        assertThat(ledger.reports().sales(period, SaleOrder.OPERATOR, 1_000)).extracting(Sale::operatorId).isSorted()
                .hasSize(picked.size());
    }

    private static FilteredSum sumOf(List<Sale> sales) {
        List<Sale> paid = sales.stream().filter(sale -> sale.status() == SaleStatus.SUCCESSFUL).toList();
        return new FilteredSum(sales.size(), sales.stream().mapToLong(Sale::amount).sum(), paid.size(),
                paid.stream().mapToLong(Sale::amount).sum(), paid.stream().map(Sale::fee).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                paid.stream().map(Sale::feeVat).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                paid.stream().map(Sale::net).filter(Objects::nonNull).mapToLong(Long::longValue).sum());
    }

    @Test
    void aSaleIsFoundByEachKeyAcrossDays() {
        aMonthAcrossItsBoundaries();
        LocalDate today = LocalDate.of(2026, 12, 1);

        assertThat(found("5123", today)).containsExactly("N15F");
        assertThat(found("134567890123455123", today)).containsExactly("N15F");
        assertThat(found("chrg_test_N1", today)).containsExactly("N15", "N1");
        assertThat(found("CHRG_TEST_N15", today)).containsExactly("N15");
        assertThat(found("1,500", today)).containsExactly("N15");
        assertThat(found("฿99.00", today)).containsExactly("N30");
        assertThat(found("2026-11-15 10:05", today)).containsExactly("N15F", "N15");
        assertThat(found("2026-11-15", today)).containsExactly("N15F", "N15");
        // 23:55 give or take ten minutes, on the last 31 days: 1 December 00:00 is in, 31 October is too long ago.
        assertThat(found("23:55", today)).containsExactly("DEC", "N30");
        assertThat(found("23:55", LocalDate.of(2026, 11, 30))).containsExactly("DEC", "N30", "N1", "OCT");
        assertThat(found("N15", today)).containsExactly("N15F", "N15");
        assertThat(found("0000", today)).isEmpty();
        for (String nonsense : List.of("", "   ", "25:00", "2026-13-01", "what?", "%")) {
            assertThat(SaleSearch.parse(nonsense, today, DailyReports.BANGKOK)).as(nonsense).isEmpty();
        }
    }

    private List<String> found(String typed, LocalDate today) {
        return SaleSearch.parse(typed, today, DailyReports.BANGKOK).orElseThrow().run(ledger.reports(), 50).stream()
                .map(Sale::tillReference).toList();
    }

    private Sale sale(String reference, String at, long amount, String operator, String till) {
        Sale sale = Sale.created(reference, till, operator, amount, "THB", PaymentMethod.WECHAT_PAY,
                "**************" + lastFour(reference),
                Instant.parse(at));
        ledger.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, operator, amount, null, sale.createdAt()));
        return sale;
    }

    /** The fixture's codes end in 5123 for the failed sale, in digits of their own for the rest. */
    private static String lastFour(String reference) {
        return reference.equals("N15F") ? "5123" : String.format("%04d", Math.floorMod(reference.hashCode(), 5_000));
    }

    private Sale paid(Sale sale, long fee, long feeVat, long net) {
        Sale paid = sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_" + sale.tillReference().toLowerCase(java.util.Locale.ROOT))
                .fees(fee, feeVat, net).paidAt(sale.createdAt().plusSeconds(20)).finishedAt(sale.createdAt().plusSeconds(20)).build();
        return ledger.sales().update(paid, SaleEvent.of(EventKind.STATUS_SEEN, paid, null, null, null, paid.paidAt()));
    }

    private void finish(Sale sale, SaleStatus status, String failureCode) {
        Sale done = sale.toBuilder().status(status).failure(failureCode, failureCode == null ? null : "failed").build();
        ledger.sales().update(done, SaleEvent.of(EventKind.STATUS_SEEN, done, null, null, null, sale.createdAt()));
    }

    private void refund(Sale sale, String reference, long amount, String at) {
        Instant when = Instant.parse(at);
        RefundRecord requested = new RefundRecord(reference, sale.tillReference(), amount, RefundStatus.REQUESTED, null,
                "c1", "s1", null, when, null);
        ledger.sales().insertRefund(requested, SaleEvent.of(EventKind.REFUND_REQUESTED, sale, "c1", amount, null, when));
        Sale refunded = sale.toBuilder().refundedAmount(sale.refundedAmount() + amount).build();
        ledger.sales().settleRefund(requested.done("rfnd_" + reference, when), refunded,
                SaleEvent.of(EventKind.REFUNDED, refunded, "c1", amount, null, when));
    }
}
