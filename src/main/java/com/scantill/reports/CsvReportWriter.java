package com.scantill.reports;

import com.scantill.ledger.ReportRecords;
import com.scantill.model.Money;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.Sale;
import com.scantill.words.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's transactions and totals as CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark, one
 * header row, amounts both in satang (exact) and in baht (as shown). Headers, statuses, codes and dates are data, the
 * same in every language, so that a sheet or a script reading them never changes; only what a person must do is in
 * the reader's words.
 */
public final class CsvReportWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvReportWriter() {
    }

    public static void writeTransactions(DailyReport report, OutputStream out) {
        writeTransactions(report.transactions(), report.zone(), out);
    }

    /** Any sales, one row each, with the same columns as the daily report's. */
    public static void writeTransactions(List<Sale> sales, ZoneId zone, OutputStream out) {
        write(out, new String[] {"time", "till_reference", "till", "operator", "payment_method", "wallet", "payment_code",
            "amount_satang", "amount", "status", "failure_code", "charge_id", "fee_satang", "fee_vat_satang", "net_satang",
            "refunded_satang", "refund_owed"}, printer -> {
                for (Sale sale : sales) {
                    printer.printRecord(TIME.format(sale.createdAt().atZone(zone)), sale.tillReference(),
                            sale.tillId(), sale.operatorId(), sale.method().sourceType(), sale.wallet(), sale.paymentCodeMasked(),
                            sale.amount(), Money.format(sale.amount()),
                            sale.status(), sale.failureCode(), sale.chargeId(), sale.fee(), sale.feeVat(), sale.net(),
                            sale.refundedAmount(), sale.refundOwed());
                }
            });
    }

    public static void writeTotals(DailyReport report, OutputStream out) {
        DailyReport.Totals totals = report.totals();
        write(out, new String[] {"day", "scope", "item", "count", "amount_satang", "amount"}, printer -> {
            String day = report.day().toString();
            String scope = scope(report);
            total(printer, day, scope, "successful", totals.successful().count(), totals.successful().amount());
            total(printer, day, scope, "failed", totals.failed().count(), totals.failed().amount());
            for (Map.Entry<String, DailyReport.Count> failure : report.failedByCode().entrySet()) {
                total(printer, day, scope, "failed:" + failure.getKey(), failure.getValue().count(), failure.getValue().amount());
            }
            total(printer, day, scope, "expired", totals.expired().count(), totals.expired().amount());
            total(printer, day, scope, "not_charged", totals.notCharged().count(), totals.notCharged().amount());
            total(printer, day, scope, "pending_or_unknown", totals.stillOpen().count(), totals.stillOpen().amount());
            total(printer, day, scope, "gross", null, totals.gross());
            total(printer, day, scope, "fee", null, totals.fee());
            total(printer, day, scope, "fee_vat", null, totals.feeVat());
            total(printer, day, scope, "net", null, totals.net());
            for (ReportRecords.MethodSum method : report.byMethod()) {
                String item = "method:" + method.sourceType();
                printer.printRecord(day, scope, item + ":sales", method.sales(), null, null);
                total(printer, day, scope, item + ":successful", method.paid(), method.paidAmount());
                total(printer, day, scope, item + ":fee", null, method.fee());
                total(printer, day, scope, item + ":fee_vat", null, method.feeVat());
                total(printer, day, scope, item + ":net", null, method.net());
            }
            total(printer, day, scope, "refunds", totals.refunds().count(), totals.refunds().amount());
            total(printer, day, scope, "net_after_refunds", null, totals.netAfterRefunds());
            if (report.omiseCheck() != null) {
                printer.printRecord(day, scope, "omise_check_agree", report.omiseCheck().agreeing(), null, null);
                printer.printRecord(day, scope, "omise_check_differ", report.omiseCheck().differing(), null, null);
            }
        });
    }

    /**
     * A period day by day, as the monthly VAT return needs it: sales, the successful ones' gross, Omise's fee, the VAT
     * on the fee, the net, and the refunds made that day; the period's total last.
     */
    public static void writeDays(PeriodReport report, OutputStream out) {
        write(out, new String[] {"day", "scope", "sales", "successful", "gross_satang", "fee_satang", "fee_vat_satang",
            "net_satang", "refunds", "refunded_satang", "net_after_refunds_satang", "gross", "fee", "fee_vat", "net"}, printer -> {
                String scope = report.tillId() == null ? "all" : report.tillId();
                for (PeriodReport.DaySum day : report.days()) {
                    printer.printRecord(day.day(), scope, day.sales(), day.paid(), day.gross(), day.fee(), day.feeVat(), day.net(),
                            day.refunds(), day.refundedAmount(), day.netAfterRefunds(), Money.format(day.gross()),
                            Money.format(day.fee()), Money.format(day.feeVat()), Money.format(day.net()));
                }
                DailyReport.Totals totals = report.totals();
                long sales = report.days().stream().mapToLong(PeriodReport.DaySum::sales).sum();
                printer.printRecord("total " + report.period().first() + " to " + report.period().last(), scope, sales,
                        totals.successful().count(), totals.gross(), totals.fee(), totals.feeVat(), totals.net(),
                        totals.refunds().count(), totals.refunds().amount(), totals.netAfterRefunds(), Money.format(totals.gross()),
                        Money.format(totals.fee()), Money.format(totals.feeVat()), Money.format(totals.net()));
            });
    }

    /** The end-of-day check against Omise: one row a difference, with who settled it. */
    public static void writeOmiseCheck(DailyReport report, Words words, OutputStream out) {
        OmiseCheckWords check = new OmiseCheckWords(words);
        write(out, new String[] {"day", "scope", "checked_at", "kind", "till_reference", "charge_id", "in_ledger", "at_omise",
            "what_to_do", "settled_by", "settled_at"}, printer -> {
                for (ReconciliationDifference difference : report.differences()) {
                    printer.printRecord(report.day(), scope(report), TIME.format(report.omiseCheck().checkedAt().atZone(report.zone())),
                            difference.kind(), difference.tillReference(), difference.chargeId(), difference.inLedger(),
                            difference.atOmise(), check.whatToDo(difference), difference.settledBy(),
                            difference.settledAt() == null ? null : TIME.format(difference.settledAt().atZone(report.zone())));
                }
            });
    }

    /** {@code all}, or the till's id. */
    private static String scope(DailyReport report) {
        return report.tillId() == null ? "all" : report.tillId();
    }

    private static void total(CSVPrinter printer, String day, String scope, String item, Long count, long satang)
            throws IOException {
        printer.printRecord(day, scope, item, count, satang, Money.format(satang));
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(OutputStream out, String[] header, Rows rows) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BYTE_ORDER_MARK);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
            rows.print(printer);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV could not be written", e);
        }
    }
}
