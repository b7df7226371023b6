package com.scantill.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.MethodSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import com.scantill.model.EventKind;
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
import java.util.List;
import java.util.Map;
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
 * The daily report over a ledger fixture whose totals were worked out by hand, across the day's boundaries in
 * Bangkok time (UTC+7: 25 November runs from 24 November 17:00 UTC to 25 November 17:00 UTC).
 */
class DailyReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Instant PRINTED = Instant.parse("2026-11-25T18:30:00Z");

    @TempDir
    Path dataFolder;

    private Ledger ledger;
    private DailyReports reports;

    @BeforeEach
    void fixture() {
        ledger = openLedger(dataFolder);
        reports = new DailyReports(ledger, Clock.fixed(PRINTED, ZoneOffset.UTC));
        Sale a = paid(sale("A", "2026-11-24T16:59:59Z", 1_000_00, "c1", "till-1"), 1650, 116, 98234);
        Sale b = paid(sale("B", "2026-11-24T17:00:00Z", 150_000, "c1", "till-1"), 2475, 173, 147_352);
        paid(sale("C", "2026-11-25T03:30:00Z", 20_000, "c2", "till-2", PaymentMethod.ALIPAY_PLUS).toBuilder().wallet("TrueMoney")
                .build(), 330, 23, 19_647);
        finish(sale("D", "2026-11-25T03:45:00Z", 5_000, "c1", "till-1"), SaleStatus.FAILED, "insufficient_fund");
        finish(sale("E", "2026-11-25T04:00:00Z", 7_000, "c2", "till-1", PaymentMethod.ALIPAY_PLUS), SaleStatus.FAILED, "payment_rejected");
        finish(sale("F", "2026-11-25T05:00:00Z", 3_000, "c1", "till-1"), SaleStatus.EXPIRED, null);
        finish(sale("G", "2026-11-25T06:00:00Z", 4_000, "c1", "till-1"), SaleStatus.NOT_CREATED, "not_created");
        finish(sale("H", "2026-11-25T16:59:59Z", 2_500, "c2", "till-1"), SaleStatus.PENDING, null);
        Sale late = sale("I", "2026-11-25T10:00:00Z", 10_000, "c1", "till-1");
        Sale owed = paid(late.toBuilder().expireRequested(true).build(), 165, 12, 9_823).toBuilder().refundOwed(true).build();
        ledger.sales().update(owed, SaleEvent.of(EventKind.REFUND_OWED, owed, null, null, null, owed.createdAt()));
        paid(sale("J", "2026-11-25T17:00:00Z", 9_900, "c2", "till-1"), 163, 11, 9_726);
        refund(b, "B-R1", 50_000, RefundStatus.DONE, "2026-11-25T08:00:00Z");
        refund(a, "A-R1", 1_000, RefundStatus.DONE, "2026-11-25T09:00:00Z");
        refund(ledger.sales().sale("C").orElseThrow(), "C-R1", 2_000, RefundStatus.REQUESTED, "2026-11-25T09:30:00Z");
    }

    /** The ledger the fixture is written to: a till's H2 file here. */
    Ledger openLedger(Path folder) {
        return Ledger.open(folder);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private Sale sale(String reference, String at, long amount, String operator, String till) {
        return sale(reference, at, amount, operator, till, PaymentMethod.WECHAT_PAY);
    }

    private Sale sale(String reference, String at, long amount, String operator, String till, PaymentMethod method) {
        Sale sale = Sale.created(reference, till, operator, amount, "THB", method, "**************" + reference.charAt(0) + "123",
                Instant.parse(at));
        ledger.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, operator, amount, null, sale.createdAt()));
        return sale;
    }

    private Sale paid(Sale sale, long fee, long feeVat, long net) {
        Sale paid = sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_" + sale.tillReference())
                .fees(fee, feeVat, net).paidAt(sale.createdAt().plusSeconds(20)).finishedAt(sale.createdAt().plusSeconds(20)).build();
        return ledger.sales().update(paid, SaleEvent.of(EventKind.STATUS_SEEN, paid, null, null, null, paid.paidAt()));
    }

    private void finish(Sale sale, SaleStatus status, String failureCode) {
        Sale done = sale.toBuilder().status(status).failure(failureCode, failureCode == null ? null : "failed").build();
        ledger.sales().update(done, SaleEvent.of(EventKind.STATUS_SEEN, done, null, null, null, sale.createdAt()));
    }

    private void refund(Sale sale, String reference, long amount, RefundStatus status, String at) {
        Instant when = Instant.parse(at);
        RefundRecord requested = new RefundRecord(reference, sale.tillReference(), amount, RefundStatus.REQUESTED, null,
                "c1", "s1", null, when, null);
        ledger.sales().insertRefund(requested, SaleEvent.of(EventKind.REFUND_REQUESTED, sale, "c1", amount, null, when));
        if (status == RefundStatus.DONE) {
            Sale refunded = sale.toBuilder().refundedAmount(sale.refundedAmount() + amount).build();
            ledger.sales().settleRefund(requested.done("rfnd_" + reference, when), refunded,
                    SaleEvent.of(EventKind.REFUNDED, refunded, "c1", amount, null, when));
        }
    }

    @Test
    void eachPaymentMethodHasItsSalesPaidAmountAndFeesAndTheyAddUpToTheTotals() throws Exception {
        DailyReport report = reports.build(DAY, DailyReports.BANGKOK, null, "Malee");

        assertThat(report.byMethod()).containsExactly(
                new MethodSum("alipayplus_upm", 2, 1, 20_000, 330, 23, 19_647),
                new MethodSum("wechat_pay_upm", 6, 2, 160_000, 2_640, 185, 157_175));
        assertThat(report.byMethod().stream().mapToLong(MethodSum::paidAmount).sum()).isEqualTo(report.totals().gross());
        assertThat(report.byMethod().stream().mapToLong(MethodSum::fee).sum()).isEqualTo(report.totals().fee());
        assertThat(report.byMethod().stream().mapToLong(MethodSum::feeVat).sum()).isEqualTo(report.totals().feeVat());
        assertThat(report.byMethod().stream().mapToLong(MethodSum::net).sum()).isEqualTo(report.totals().net());
        assertThat(reports.build(DAY, DailyReports.BANGKOK, "till-1", "Malee").byMethod()).extracting(MethodSum::sourceType, MethodSum::sales)
                .containsExactly(tuple("alipayplus_upm", 1L), tuple("wechat_pay_upm", 6L));

        Words english = Words.of(Language.EN, DailyReports.BANGKOK);
        List<String> lines = ReportLayout.A4.lines(report, english).stream().map(ReportLine::text).toList();
        assertThat(lines).containsSubsequence("By payment method", "Alipay+ (1 of 2 paid)  ฿200.00",
                "    Omise fee + VAT  ฿3.30 + ฿0.23", "WeChat Pay (2 of 6 paid)  ฿1,600.00", "    Omise fee + VAT  ฿26.40 + ฿1.85");
        assertThat(lines).anyMatch(line -> line.contains("****C123") && line.contains("Alipay+ · TrueMoney"));
        assertThat(ReportLayout.RECEIPT_80MM.lines(report, english).stream().map(ReportLine::text))
                .as("the roll names a method only where it is not WeChat Pay").contains("Alipay+ · TrueMoney")
                .noneMatch(line -> line.equals("WeChat Pay"));

        ByteArrayOutputStream transactions = new ByteArrayOutputStream();
        CsvReportWriter.writeTransactions(report, transactions);
        List<CSVRecord> rows = parse(transactions.toByteArray());
        assertThat(rows).filteredOn(row -> row.get("till_reference").equals("C")).singleElement()
                .satisfies(row -> assertThat(List.of(row.get("payment_method"), row.get("wallet"))).containsExactly("alipayplus_upm", "TrueMoney"));
        assertThat(rows).filteredOn(row -> row.get("till_reference").equals("D")).singleElement()
                .satisfies(row -> assertThat(List.of(row.get("payment_method"), row.get("wallet"))).containsExactly("wechat_pay_upm", ""));
        ByteArrayOutputStream totals = new ByteArrayOutputStream();
        CsvReportWriter.writeTotals(report, totals);
        assertThat(parse(totals.toByteArray())).filteredOn(row -> row.get("item").startsWith("method:alipayplus_upm"))
                .extracting(row -> row.get("item") + "=" + row.get("count") + "/" + row.get("amount_satang"))
                .containsExactly("method:alipayplus_upm:sales=2/", "method:alipayplus_upm:successful=1/20000",
                        "method:alipayplus_upm:fee=/330", "method:alipayplus_upm:fee_vat=/23", "method:alipayplus_upm:net=/19647");
    }

    @Test
    void allTillsTotalsMatchTheHandWorkedFigures() {
        DailyReport report = reports.build(DAY, DailyReports.BANGKOK, null, "Malee");

        DailyReport.Totals totals = report.totals();
        assertThat(totals.successful()).isEqualTo(new DailyReport.Count(3, 180_000));
        assertThat(totals.failed()).isEqualTo(new DailyReport.Count(2, 12_000));
        assertThat(report.failedByCode()).containsExactly(
                Map.entry("insufficient_fund", new DailyReport.Count(1, 5_000)),
                Map.entry("payment_rejected", new DailyReport.Count(1, 7_000)));
        assertThat(totals.expired()).isEqualTo(new DailyReport.Count(1, 3_000));
        assertThat(totals.notCharged()).isEqualTo(new DailyReport.Count(1, 4_000));
        assertThat(totals.stillOpen()).isEqualTo(new DailyReport.Count(1, 2_500));
        assertThat(totals.gross()).isEqualTo(180_000);
        assertThat(totals.fee()).isEqualTo(2_970);
        assertThat(totals.feeVat()).isEqualTo(208);
        assertThat(totals.net()).isEqualTo(176_822);
        assertThat(totals.refunds()).isEqualTo(new DailyReport.Count(2, 51_000));
        assertThat(totals.netAfterRefunds()).isEqualTo(125_822);
        assertThat(report.transactions()).extracting(Sale::tillReference)
                .containsExactly("B", "C", "D", "E", "F", "G", "I", "H");
        assertThat(report.byOperator()).containsExactly(new OperatorSum("c1", 5, 2, 160_000), new OperatorSum("c2", 3, 1, 20_000));
        assertThat(report.byHour()).containsExactly(new HourSum(0, 1, 1, 150_000), new HourSum(10, 2, 1, 20_000),
                new HourSum(11, 1, 0, 0), new HourSum(12, 1, 0, 0), new HourSum(13, 1, 0, 0), new HourSum(17, 1, 1, 10_000),
                new HourSum(23, 1, 0, 0));
        assertThat(report.lateSuccesses()).extracting(Sale::tillReference).containsExactly("I");
        assertThat(report.refundsOwed()).extracting(Sale::tillReference).containsExactly("I");
        assertThat(report.printedAt()).isEqualTo(PRINTED);
        assertThat(report.printedBy()).isEqualTo("Malee");
        assertThat(reports.tillIds()).containsExactly("till-1", "till-2");
    }

    @Test
    void oneTillsTotalsLeaveTheOtherTillOut() {
        DailyReport report = reports.build(DAY, DailyReports.BANGKOK, "till-1", "Malee");

        assertThat(report.totals().successful()).isEqualTo(new DailyReport.Count(2, 160_000));
        assertThat(report.totals().fee()).isEqualTo(2_640);
        assertThat(report.totals().feeVat()).isEqualTo(185);
        assertThat(report.totals().net()).isEqualTo(157_175);
        assertThat(report.totals().refunds()).isEqualTo(new DailyReport.Count(2, 51_000));
        assertThat(report.totals().netAfterRefunds()).isEqualTo(106_175);
        assertThat(report.transactions()).extracting(Sale::tillReference).doesNotContain("C");
    }

    @Test
    void thePdfHoldsTheTotalsInEnglish() throws Exception {
        DailyReport report = reports.build(DAY, DailyReports.BANGKOK, null, "Malee");

        String text = pdfText(report, Words.of(Language.EN, DailyReports.BANGKOK));

        assertThat(text).contains("Daily report").contains("2026-11-25 (Asia/Bangkok), all tills")
                .contains("Printed 2026-11-26 01:30 by Malee")
                .containsPattern("Gross \\(successful\\)\\s+฿1,800\\.00")
                .containsPattern("Net after refunds\\s+฿1,258\\.22")
                .containsPattern("VAT on the fee\\s+฿2\\.08")
                .contains("Insufficient funds").contains("chrg_test_B");
    }

    @Test
    void thePdfHoldsTheTotalsInThaiWithBuddhistEraDatesAndItsTextReadsAsWritten() throws Exception {
        DailyReport report = reports.build(DAY, DailyReports.BANGKOK, null, "Malee");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(report, ReportLayout.A4, Words.of(Language.TH, DailyReports.BANGKOK), pdf);
        String text = PdfText.of(pdf.toByteArray());

        assertThat(text).contains("รายงานประจำวัน").contains("25 พ.ย. 2569 (Asia/Bangkok), ทุกเครื่อง")
                .contains("พิมพ์เมื่อ 26 พ.ย. 2569 01:30 น. โดย Malee")
                .containsPattern("ยอดสุทธิหลังคืนเงิน\\s+฿1,258\\.22")
                .containsPattern("ภาษีมูลค่าเพิ่มของค่าธรรมเนียม\\s+฿2\\.08")
                .contains("เงินในบัญชีไม่พอ").contains("chrg_test_B");
    }

    private static String pdfText(DailyReport report, Words words) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(report, ReportLayout.A4, words, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theCsvParsesBackToTheSameRows() throws Exception {
        DailyReport report = reports.build(DAY, DailyReports.BANGKOK, null, "Malee");
        ByteArrayOutputStream transactions = new ByteArrayOutputStream();
        ByteArrayOutputStream totals = new ByteArrayOutputStream();

        CsvReportWriter.writeTransactions(report, transactions);
        CsvReportWriter.writeTotals(report, totals);

        byte[] bytes = transactions.toByteArray();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = parse(bytes);
        assertThat(rows).hasSize(report.transactions().size());
        for (int i = 0; i < rows.size(); i++) {
            Sale sale = report.transactions().get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("till_reference")).isEqualTo(sale.tillReference());
            assertThat(Long.parseLong(row.get("amount_satang"))).isEqualTo(sale.amount());
            assertThat(row.get("status")).isEqualTo(sale.status().name());
            assertThat(row.get("payment_code")).isEqualTo(sale.paymentCodeMasked());
            assertThat(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(row.get("time"))))
                    .isEqualTo(sale.createdAt());
        }
        List<CSVRecord> totalRows = parse(totals.toByteArray());
        assertThat(totalRows).filteredOn(row -> row.get("item").equals("net_after_refunds")).singleElement()
                .satisfies(row -> assertThat(row.get("amount_satang")).isEqualTo("125822"));
        assertThat(totalRows).filteredOn(row -> row.get("item").equals("failed:insufficient_fund")).singleElement()
                .satisfies(row -> assertThat(row.get("count")).isEqualTo("1"));
    }

    private static List<CSVRecord> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }
}
