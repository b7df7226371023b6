package com.scantill.reports;

import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import com.scantill.model.Money;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.Sale;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report as lines of fixed-width text, for an A4 sheet or an 80 mm receipt roll; the PDF, the printer and the
 * screen all set these same lines, so they hold the same content.
 */
public enum ReportLayout {

    /** A4 portrait, 96 characters a line. */
    A4(96, 595.28f, 841.89f, 36f, 9f),
    /** An 80 mm receipt roll (72 mm printable), 42 characters a line, cut in 200 mm pages. */
    RECEIPT_80MM(42, 226.77f, 566.93f, 10f, 8f);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final int width;
    private final float pageWidth;
    private final float pageHeight;
    private final float margin;
    private final float fontSize;

    ReportLayout(int width, float pageWidth, float pageHeight, float margin, float fontSize) {
        this.width = width;
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.margin = margin;
        this.fontSize = fontSize;
    }

    public int width() {
        return width;
    }

    public float pageWidth() {
        return pageWidth;
    }

    public float pageHeight() {
        return pageHeight;
    }

    public float margin() {
        return margin;
    }

    public float fontSize() {
        return fontSize;
    }

    public float lineHeight() {
        return fontSize * 1.35f;
    }

    /** How many lines a page holds below its page header (two lines and a gap). */
    public int linesPerPage() {
        return (int) Math.floor((pageHeight - 2 * margin) / lineHeight()) - 3;
    }

    public List<ReportLine> lines(DailyReport report) {
        List<ReportLine> lines = new ArrayList<>();
        DailyReport.Totals totals = report.totals();
        lines.add(ReportLine.title("Daily report · รายงานประจำวัน"));
        lines.add(ReportLine.text(report.day() + " (" + report.zone().getId() + "), " + report.scope()));
        lines.add(ReportLine.text("Printed " + STAMP.withZone(report.zone()).format(report.printedAt()) + " by "
                + report.printedBy()));
        lines.add(ReportLine.text(""));
        lines.add(ReportLine.heading("Totals"));
        lines.add(row("Successful", count(totals.successful())));
        lines.add(row("Failed", count(totals.failed())));
        for (Map.Entry<String, DailyReport.Count> failure : report.failedByCode().entrySet()) {
            lines.add(row("  " + failure.getKey(), count(failure.getValue())));
        }
        lines.add(row("Expired", count(totals.expired())));
        lines.add(row("Not charged", count(totals.notCharged())));
        lines.add(row("Still pending or unknown", count(totals.stillOpen())));
        lines.add(row("Gross (successful)", Money.format(totals.gross())));
        lines.add(row("Omise fee", Money.format(totals.fee())));
        lines.add(row("VAT on the fee", Money.format(totals.feeVat())));
        lines.add(row("Net", Money.format(totals.net())));
        lines.add(row("Refunds made", count(totals.refunds())));
        lines.add(row("Net after refunds", Money.format(totals.netAfterRefunds())));
        lines.add(ReportLine.text(""));
        wrapped(lines, OmiseCheckWords.summary(report.omiseCheck(), report.zone()), ReportLine::heading);
        for (ReconciliationDifference difference : report.differences()) {
            wrapped(lines, OmiseCheckWords.describe(difference), ReportLine::text);
            wrapped(lines, "  " + OmiseCheckWords.whatToDo(difference, report.zone()), ReportLine::text);
        }
        lines.add(ReportLine.text(""));
        lines.add(ReportLine.heading("By operator"));
        for (OperatorSum operator : report.byOperator()) {
            lines.add(row(operator.operatorId() + " (" + operator.paid() + " of " + operator.sales() + " paid)",
                    Money.format(operator.paidAmount())));
        }
        lines.add(ReportLine.text(""));
        lines.add(ReportLine.heading("By hour"));
        for (HourSum hour : report.byHour()) {
            lines.add(row(String.format("%02d:00 (%d of %d paid)", hour.hour(), hour.paid(), hour.sales()),
                    Money.format(hour.paidAmount())));
        }
        lines.add(ReportLine.text(""));
        lines.add(ReportLine.heading("Paid after being expired or abandoned (" + report.lateSuccesses().size() + ")"));
        report.lateSuccesses().forEach(sale -> addSale(lines, sale, report));
        List<Sale> recovered = report.transactions().stream().filter(Sale::recoveredFromOmise).toList();
        lines.add(ReportLine.heading("Recovered from Omise, to review (" + recovered.size() + ")"));
        recovered.forEach(sale -> addSale(lines, sale, report));
        lines.add(ReportLine.heading("Refunds still owed (" + report.refundsOwed().size() + ")"));
        for (Sale sale : report.refundsOwed()) {
            lines.add(row(sale.tillReference(), Money.format(sale.refundableAmount())));
        }
        lines.add(ReportLine.text(""));
        lines.add(ReportLine.heading("Transactions (" + report.transactions().size() + ")"));
        report.transactions().forEach(sale -> addSale(lines, sale, report));
        return lines;
    }

    private void addSale(List<ReportLine> lines, Sale sale, DailyReport report) {
        String time = TIME.withZone(report.zone()).format(sale.createdAt());
        String code = "****" + sale.paymentCodeMasked().substring(Math.max(0, sale.paymentCodeMasked().length() - 4));
        String status = sale.status().name() + (sale.refundedAmount() > 0 ? " R" : "");
        String charge = sale.chargeId() == null ? "-" : sale.chargeId();
        if (this == A4) {
            lines.add(ReportLine.text(String.format("%-8s %-8s %14s  %-13s %-29s %s", time, code,
                    Money.format(sale.amount()), status, charge, sale.operatorId())));
        } else {
            lines.add(ReportLine.text(String.format("%-8s %-8s %14s %-9s", time, code, Money.format(sale.amount()),
                    status.length() > 9 ? status.substring(0, 9) : status)));
            lines.add(ReportLine.text("  " + charge + " " + sale.operatorId()));
        }
    }

    /** Long text set over as many lines as it takes, broken between words (a word longer than a line is cut). */
    private void wrapped(List<ReportLine> lines, String text, Function<String, ReportLine> as) {
        String indent = text.startsWith("  ") ? "  " : "";
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width - indent.length()) {
                lines.add(as.apply(indent + line));
                line.setLength(0);
            }
            for (; word.length() > width - indent.length(); word = word.substring(width - indent.length())) {
                lines.add(as.apply(indent + word.substring(0, width - indent.length())));
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(as.apply(indent + line));
    }

    private static String count(DailyReport.Count count) {
        return count.count() + " · " + Money.format(count.amount());
    }

    private ReportLine row(String label, String value) {
        int room = Math.max(1, width - value.length() - 1);
        String shown = label.length() > room ? label.substring(0, room) : label;
        return ReportLine.text(shown + " ".repeat(width - shown.length() - value.length()) + value);
    }

    /** The lines cut into pages of {@link #linesPerPage()}; every line on exactly one page, in order. */
    public List<List<ReportLine>> pages(List<ReportLine> lines) {
        List<List<ReportLine>> pages = new ArrayList<>();
        for (int start = 0; start < lines.size(); start += linesPerPage()) {
            pages.add(List.copyOf(lines.subList(start, Math.min(lines.size(), start + linesPerPage()))));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    /** The header above every page: which report, and which page of how many. */
    public String pageHeader(DailyReport report, int page, int pageCount) {
        String left = "ScanTill " + report.day() + " " + report.scope();
        String right = "Page " + page + " of " + pageCount;
        int room = Math.max(1, width - right.length() - 1);
        String shown = left.length() > room ? left.substring(0, room) : left;
        return shown + " ".repeat(width - shown.length() - right.length()) + right;
    }
}
