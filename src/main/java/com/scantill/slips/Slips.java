package com.scantill.slips;

import com.scantill.model.Money;
import com.scantill.model.RefundRecord;
import com.scantill.model.Sale;
import com.scantill.slips.SlipLine.Style;
import com.scantill.words.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the slips of a sale in a reader's language: the customer's and the merchant's copy of a payment, a refund
 * (the merchant's copy with the approving supervisor and a line to sign), a slip saying no money was taken, and a
 * test slip. A reprint says COPY.
 */
public final class Slips {

    private final ShopDetails shop;
    private final String tillId;
    private final PrinterSettings.Paper paper;

    public Slips(ShopDetails shop, String tillId, PrinterSettings.Paper paper) {
        this.shop = shop;
        this.tillId = tillId;
        this.paper = paper;
    }

    /** Whose copy a slip is. */
    public enum Copy {
        CUSTOMER,
        MERCHANT
    }

    /** The slip of a paid sale; {@code reprint} marks it COPY. */
    public Slip sale(Sale sale, Copy copy, boolean reprint, String operatorName, Words words) {
        List<SlipLine> lines = top(words, words.get("slip.title.SALE", words.method(sale.method().sourceType(), null)), copy, reprint);
        saleRows(lines, sale, operatorName, words);
        lines.add(new SlipLine(Style.TOTAL, words.get("slip.amount"), Money.format(sale.amount())));
        if (sale.refundedAmount() > 0) {
            lines.add(SlipLine.row(words.get("slip.refunded"), Money.format(sale.refundedAmount())));
        }
        return finish(lines, words, "sale " + sale.tillReference() + " (" + copy + (reprint ? ", copy" : "") + ")");
    }

    /** The slip of a refund made; the merchant's copy names the supervisor and leaves a line to sign. */
    public Slip refund(Sale sale, RefundRecord refund, Copy copy, boolean reprint, String operatorName, String approverName,
                       Words words) {
        List<SlipLine> lines = top(words, words.get("slip.title.REFUND"), copy, reprint);
        saleRows(lines, sale, operatorName, words);
        lines.add(SlipLine.row(words.get("slip.saleAmount"), Money.format(sale.amount())));
        lines.add(new SlipLine(Style.TOTAL, words.get("slip.refundAmount"), Money.format(refund.amount())));
        if (refund.refundId() != null) {
            lines.add(SlipLine.of(Style.TEXT, words.get("slip.refundId", refund.refundId())));
        }
        if (copy == Copy.MERCHANT) {
            lines.add(SlipLine.of(Style.TEXT, words.get("slip.approvedBy", approverName)));
            lines.add(SlipLine.of(Style.GAP, ""));
            lines.add(SlipLine.of(Style.TEXT, words.get("slip.signature")));
        }
        return finish(lines, words, "refund " + refund.refundReference() + " (" + copy + (reprint ? ", copy" : "") + ")");
    }

    /** For a sale that failed or expired: what was asked, and that no money was taken. */
    public Slip notPaid(Sale sale, String operatorName, Words words) {
        List<SlipLine> lines = top(words, words.get("slip.title.NOT_PAID"), Copy.CUSTOMER, false);
        saleRows(lines, sale, operatorName, words);
        lines.add(new SlipLine(Style.TOTAL, words.get("slip.amount"), Money.format(sale.amount())));
        lines.add(SlipLine.of(Style.TITLE, words.get("slip.noMoneyTaken")));
        return finish(lines, words, "not paid " + sale.tillReference());
    }

    /** A slip to try the printer from the settings: Thai, English, digits and ฿, and the paper's edges. */
    public Slip test(Instant at, Words words) {
        List<SlipLine> lines = top(words, words.get("slip.title.TEST"), null, false);
        lines.add(SlipLine.row(words.get("slip.date"), words.date(at.atZone(words.zone()).toLocalDate()) + " "
                + words.timeWithSeconds(at)));
        lines.add(SlipLine.row(words.get("slip.till"), tillId));
        lines.add(SlipLine.of(Style.TEXT, words.get("slip.testText")));
        lines.add(new SlipLine(Style.TOTAL, words.get("slip.amount"), Money.format(150_000)));
        return finish(lines, words, "test slip");
    }

    private List<SlipLine> top(Words words, String title, Copy copy, boolean reprint) {
        List<SlipLine> lines = new ArrayList<>();
        if (!shop.name().isEmpty()) {
            lines.add(SlipLine.of(Style.SHOP, shop.name()));
        }
        for (String part : new String[] {shop.branch(), shop.address()}) {
            if (!part.isEmpty()) {
                lines.add(SlipLine.of(Style.CENTRE, part));
            }
        }
        if (!shop.taxId().isEmpty()) {
            lines.add(SlipLine.of(Style.CENTRE, words.get("slip.taxId", shop.taxId())));
        }
        shop.header().forEach(line -> lines.add(SlipLine.of(Style.CENTRE, line)));
        lines.add(SlipLine.of(Style.RULE, ""));
        lines.add(SlipLine.of(Style.TITLE, title));
        if (reprint) {
            lines.add(SlipLine.of(Style.TITLE, words.get("slip.reprint")));
        }
        if (copy != null) {
            lines.add(SlipLine.of(Style.CENTRE, words.get("slip.copy." + copy.name())));
        }
        lines.add(SlipLine.of(Style.GAP, ""));
        return lines;
    }

    private void saleRows(List<SlipLine> lines, Sale sale, String operatorName, Words words) {
        lines.add(SlipLine.row(words.get("slip.date"), words.date(sale.createdAt().atZone(words.zone()).toLocalDate()) + " "
                + words.timeWithSeconds(sale.createdAt())));
        lines.add(SlipLine.row(words.get("slip.till"), sale.tillId() == null ? tillId : sale.tillId()));
        lines.add(SlipLine.row(words.get("slip.operator"), operatorName));
        lines.add(SlipLine.row(words.get("slip.method"), words.method(sale.method().sourceType(), sale.wallet())));
        lines.add(SlipLine.row(words.get("slip.code"), "…" + sale.paymentCodeLastFour()));
        lines.add(SlipLine.row(words.get("slip.status"), words.get("status." + sale.status().name())));
        lines.add(SlipLine.of(Style.TEXT, words.get("slip.reference", sale.tillReference())));
        if (sale.chargeId() != null) {
            lines.add(SlipLine.of(Style.TEXT, words.get("slip.charge", sale.chargeId())));
        }
        lines.add(SlipLine.of(Style.RULE, ""));
    }

    private Slip finish(List<SlipLine> lines, Words words, String name) {
        lines.add(SlipLine.of(Style.RULE, ""));
        shop.footer().forEach(line -> lines.add(SlipLine.of(Style.CENTRE, line)));
        return new Slip(name, SlipImage.render(lines, paper, words.language().locale()), lines.stream()
                .map(line -> line.right().isEmpty() ? line.left() : line.left() + "  " + line.right()).toList());
    }
}
