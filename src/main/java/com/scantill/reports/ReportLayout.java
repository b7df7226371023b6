package com.scantill.reports;

import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.MethodSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import com.scantill.model.Money;
import com.scantill.model.PaymentMethod;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.Sale;
import com.scantill.reports.ReportLine.Piece;
import com.scantill.reports.ReportLine.Style;
import com.scantill.words.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report laid out for an A4 sheet or an 80 mm receipt roll, in the reader's language: lines of text placed in
 * columns, measured in the font they are set in. The PDF, the printer and the tests all take these same lines, so they
 * hold the same content.
 */
public enum ReportLayout {

    /** A4 portrait. */
    A4(595.28f, 841.89f, 36f, 9f),
    /** An 80 mm receipt roll (72 mm printable), cut in 200 mm pages. */
    RECEIPT_80MM(226.77f, 566.93f, 10f, 8f);

    private static final float INDENT = 12f;

    private final float pageWidth;
    private final float pageHeight;
    private final float margin;
    private final float fontSize;

    ReportLayout(float pageWidth, float pageHeight, float margin, float fontSize) {
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.margin = margin;
        this.fontSize = fontSize;
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

    /** The width the text may take: the page less its margins. */
    public float textWidth() {
        return pageWidth - 2 * margin;
    }

    /** Room for Thai marks above and below the line as well as Latin capitals and descenders. */
    public float lineHeight() {
        return fontSize * 1.5f;
    }

    /** Where the page header's baseline lies, in points from the top of the page. */
    public float headerBaseline() {
        return margin + fontSize;
    }

    /** Where the baseline of a page's line {@code index} (from 0) lies, in points from the top of the page. */
    public float lineBaseline(int index) {
        return headerBaseline() + (index + 2) * lineHeight();
    }

    /** How many lines a page holds below its page header (a line and a gap). */
    public int linesPerPage() {
        return (int) Math.floor((pageHeight - 2 * margin) / lineHeight()) - 2;
    }

    public List<ReportLine> lines(DailyReport report, Words words) {
        return new Composer(report, words).compose();
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
    public ReportLine pageHeader(DailyReport report, Words words, int page, int pageCount) {
        TypeSetter type = new TypeSetter(fontSize, words.language().locale());
        return leftAndRight(type, Style.TEXT, words.get("paper.header", words.date(report.day()), scope(report, words)),
                words.get("paper.page", page, pageCount));
    }

    /** The PDF's title, as a reader's PDF viewer shows it. */
    public static String title(DailyReport report, Words words) {
        return words.get("paper.pdfTitle", words.date(report.day()), scope(report, words));
    }

    /** "all tills" or "till till-1", in the reader's words. */
    public static String scope(DailyReport report, Words words) {
        return report.tillId() == null ? words.get("paper.scope.all") : words.get("paper.scope.till", report.tillId());
    }

    private ReportLine leftAndRight(TypeSetter type, Style style, String left, String right) {
        float rightWidth = type.width(right, style);
        float room = Math.max(0, textWidth() - rightWidth - fontSize);
        return new ReportLine(style, List.of(new Piece(type.fit(left, room, style), 0),
                new Piece(right, textWidth() - rightWidth)));
    }

    /** Writes one report into lines. */
    private final class Composer {

        private final DailyReport report;
        private final Words words;
        private final TypeSetter type;
        private final OmiseCheckWords check;
        private final List<ReportLine> lines = new ArrayList<>();

        Composer(DailyReport report, Words words) {
            this.report = report;
            this.words = words;
            this.type = new TypeSetter(fontSize, words.language().locale());
            this.check = new OmiseCheckWords(words);
        }

        List<ReportLine> compose() {
            DailyReport.Totals totals = report.totals();
            wrapped(Style.TITLE, 0, words.get("paper.title"));
            wrapped(Style.TEXT, 0, words.get("paper.dayAndScope", words.date(report.day()), report.zone().getId(),
                    scope(report, words)));
            wrapped(Style.TEXT, 0, words.get("paper.printed", words.date(report.printedAt().atZone(report.zone()).toLocalDate()),
                    words.time(report.printedAt()), report.printedBy()));
            gap();
            heading("paper.totals");
            row(words.get("paper.successful"), count(totals.successful()));
            row(words.get("paper.failed"), count(totals.failed()));
            for (Map.Entry<String, DailyReport.Count> failure : report.failedByCode().entrySet()) {
                row("    " + failure(failure.getKey()), count(failure.getValue()));
            }
            row(words.get("paper.expired"), count(totals.expired()));
            row(words.get("paper.notCharged"), count(totals.notCharged()));
            row(words.get("paper.stillOpen"), count(totals.stillOpen()));
            row(words.get("paper.gross"), Money.format(totals.gross()));
            row(words.get("paper.fee"), Money.format(totals.fee()));
            row(words.get("paper.feeVat"), Money.format(totals.feeVat()));
            row(words.get("paper.net"), Money.format(totals.net()));
            row(words.get("paper.refunds"), count(totals.refunds()));
            row(words.get("paper.netAfterRefunds"), Money.format(totals.netAfterRefunds()));
            gap();
            wrapped(Style.HEADING, 0, check.summary(report.omiseCheck()));
            for (ReconciliationDifference difference : report.differences()) {
                wrapped(Style.TEXT, 0, check.describe(difference));
                wrapped(Style.TEXT, INDENT, check.whatToDo(difference));
            }
            gap();
            heading("paper.byMethod");
            for (MethodSum method : report.byMethod()) {
                row(words.get("paper.methodRow", words.method(method.sourceType(), null), words.number(method.paid()),
                        words.number(method.sales())), Money.format(method.paidAmount()));
                row("    " + words.get("paper.methodFees"), Money.format(method.fee()) + " + " + Money.format(method.feeVat()));
            }
            gap();
            heading("paper.byOperator");
            for (OperatorSum operator : report.byOperator()) {
                row(words.get("paper.operatorRow", operator.operatorId(), words.number(operator.paid()), words.number(operator.sales())),
                        Money.format(operator.paidAmount()));
            }
            gap();
            heading("paper.byHour");
            for (HourSum hour : report.byHour()) {
                row(words.get("paper.hourRow", String.format("%02d", hour.hour()), words.number(hour.paid()), words.number(hour.sales())),
                        Money.format(hour.paidAmount()));
            }
            gap();
            heading("paper.late", words.number(report.lateSuccesses().size()));
            report.lateSuccesses().forEach(this::sale);
            List<Sale> recovered = report.transactions().stream().filter(Sale::recoveredFromOmise).toList();
            heading("paper.recovered", words.number(recovered.size()));
            recovered.forEach(this::sale);
            heading("paper.owed", words.number(report.refundsOwed().size()));
            for (Sale sale : report.refundsOwed()) {
                row(sale.tillReference(), Money.format(sale.refundableAmount()));
            }
            gap();
            heading("paper.transactions", words.number(report.transactions().size()));
            report.transactions().forEach(this::sale);
            return lines;
        }

        private String failure(String code) {
            String key = "paper.failure." + code;
            return words.bundle().containsKey(key) ? words.get(key) : code;
        }

        private void sale(Sale sale) {
            String time = words.timeWithSeconds(sale.createdAt());
            String code = "****" + sale.paymentCodeLastFour();
            String amount = Money.format(sale.amount());
            String status = words.get("status." + sale.status().name());
            if (sale.refundedAmount() > 0) {
                status = words.get("paper.refunded", status);
            }
            String charge = sale.chargeId() == null ? "-" : sale.chargeId();
            float amountWidth = type.width(amount, Style.TEXT);
            String method = words.method(sale.method().sourceType(), sale.wallet());
            if (ReportLayout.this == A4) {
                lines.add(new ReportLine(Style.TEXT, List.of(new Piece(time, 0), new Piece(code, 48),
                        new Piece(amount, 150 - amountWidth), piece(status, 156, 70), piece(method, 226, 98),
                        piece(charge, 324, 156), piece(sale.operatorId(), 480, textWidth() - 480))));
            } else {
                lines.add(new ReportLine(Style.TEXT, List.of(new Piece(time, 0), new Piece(code, 38),
                        new Piece(amount, 128 - amountWidth), piece(status, 134, textWidth() - 134))));
                lines.add(new ReportLine(Style.TEXT, List.of(piece(charge, 8, 140), piece(sale.operatorId(), 152,
                        textWidth() - 152))));
                // The roll names the method only where it is not the till's usual one, to spare paper on a long day.
                if (!sale.method().equals(PaymentMethod.WECHAT_PAY)) {
                    lines.add(new ReportLine(Style.TEXT, List.of(piece(method, 8, textWidth() - 8))));
                }
            }
        }

        private Piece piece(String text, float x, float room) {
            return new Piece(type.fit(text, room - fontSize / 2, Style.TEXT), x);
        }

        private void heading(String key, Object... values) {
            wrapped(Style.HEADING, 0, words.get(key, values));
        }

        private void row(String label, String value) {
            lines.add(leftAndRight(type, Style.TEXT, label, value));
        }

        private void gap() {
            lines.add(new ReportLine(Style.TEXT, List.of()));
        }

        private void wrapped(Style style, float indent, String text) {
            for (String line : type.wrap(text, textWidth() - indent, style)) {
                lines.add(new ReportLine(style, List.of(new Piece(line, indent))));
            }
        }

        private String count(DailyReport.Count count) {
            return words.get("paper.count", words.number(count.count()), Money.format(count.amount()));
        }
    }
}
