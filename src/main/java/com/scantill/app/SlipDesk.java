package com.scantill.app;

import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.SaleState;
import com.scantill.ledger.Ledger;
import com.scantill.model.EventKind;
import com.scantill.model.OperatorAccount;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.reports.DailyReport;
import com.scantill.slips.SlipPrinter;
import com.scantill.slips.Slips;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The till's slips: the customer's (and, if set, the merchant's) slip when a sale is paid, both copies of a refund
 * when it is made, and what the cashier or the manager asks for. Each slip is in its operator's language, and each
 * one printed is written in the sale's history ({@link EventKind#SLIP_PRINTED}), so that a second print of a
 * payment's slip says COPY, after a restart too. Listens to the engine but never holds it up: slips are looked up,
 * drawn and printed on the printer's own thread, and a sale's state never waits for them.
 */
public final class SlipDesk implements CheckoutListener, AutoCloseable {

    /** The history's note of a payment's slip; a refund's is {@code refund <its reference> <copy>}. */
    private static final String SALE_SLIP = "sale ";

    private final SlipSettings settings;
    private final Ledger ledger;
    private final Language tillLanguage;
    private final ZoneId zone;
    private final Slips slips;
    private final SlipPrinter printer;
    private final Clock clock;
    private final Instant opened;
    private final Set<String> printedSales = ConcurrentHashMap.newKeySet();
    private final Set<String> printedRefunds = ConcurrentHashMap.newKeySet();

    SlipDesk(Settings settings, Ledger ledger, Clock clock) {
        this.settings = settings.slips();
        this.ledger = ledger;
        this.tillLanguage = Language.of(settings.options().language());
        this.zone = settings.options().shopZone();
        this.slips = new Slips(this.settings.shop(), settings.tillId(), this.settings.printer().paper());
        this.printer = new SlipPrinter(this.settings.printer(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.clock = clock;
        this.opened = clock.instant();
    }

    public SlipPrinter printer() {
        return printer;
    }

    public boolean asksBeforePrinting() {
        return settings.onPaid() == SlipSettings.OnPaid.ASK;
    }

    @Override
    public void saleChanged(SaleState state) {
        Sale sale = state.sale();
        boolean paidNow = sale.status() == SaleStatus.SUCCESSFUL && !sale.refundOwed()
                && (sale.paidAt() == null || !sale.paidAt().isBefore(opened));
        if (paidNow && settings.onPaid() == SlipSettings.OnPaid.PRINT && printedSales.add(sale.tillReference())) {
            printSale(sale, Slips.Copy.CUSTOMER, null);
            if (settings.merchantCopy()) {
                printSale(sale, Slips.Copy.MERCHANT, null);
            }
        }
        if (sale.refundedAmount() > 0) {
            for (RefundRecord refund : ledger.sales().refunds(sale.tillReference())) {
                boolean madeNow = refund.status() == RefundStatus.DONE && refund.finishedAt() != null
                        && !refund.finishedAt().isBefore(opened);
                if (madeNow && printedRefunds.add(refund.refundReference())) {
                    for (Slips.Copy copy : Slips.Copy.values()) {
                        printRefund(sale, refund, copy);
                    }
                }
            }
        }
    }

    /**
     * Prints the slip a cashier asks for, in {@code language}: a paid sale's (COPY when its slip was printed before),
     * or for a sale that failed or expired, that no money was taken. False when the sale has no slip yet (still
     * waiting) or no printer is set up. Returns at once: the history is read on the printer's thread.
     */
    public boolean printOnRequest(Sale sale, Language language) {
        if (!printer.configured() || !sale.status().isFinal()) {
            return false;
        }
        if (sale.status() == SaleStatus.SUCCESSFUL) {
            printSale(sale, Slips.Copy.CUSTOMER, language);
        } else {
            printer.print("not paid " + sale.tillReference(),
                    () -> slips.notPaid(sale, operatorName(sale.operatorId()), Words.of(language, zone)),
                    () -> note(sale, "not paid"));
        }
        return true;
    }

    /** Prints the manager's daily report on the roll, in {@code words}' language. */
    public boolean printReport(DailyReport report, Words words) {
        if (!printer.configured()) {
            return false;
        }
        printer.print("daily report " + report.day(), () -> ReportOnTheRoll.draw(report, words, settings.printer().paper()),
                () -> { });
        return true;
    }

    /** Prints a slip that shows the printer works, in {@code language}. */
    public boolean printTest(Language language) {
        if (!printer.configured()) {
            return false;
        }
        Instant now = clock.instant();
        printer.print("test slip", () -> slips.test(now, Words.of(language, zone)), () -> { });
        return true;
    }

    /** A payment's slip; {@code language} {@code null} for its operator's. COPY when one was printed before. */
    private void printSale(Sale sale, Slips.Copy copy, Language language) {
        String note = SALE_SLIP + copy.name().toLowerCase(Locale.ROOT);
        printer.print("sale " + sale.tillReference() + " (" + copy + ")", () -> {
            boolean reprint = ledger.sales().events(sale.tillReference()).stream()
                    .anyMatch(event -> event.kind() == EventKind.SLIP_PRINTED && note.equals(event.detail()));
            Words words = language == null ? wordsOf(sale.operatorId()) : Words.of(language, zone);
            return slips.sale(sale, copy, reprint, operatorName(sale.operatorId()), words);
        }, () -> note(sale, note));
    }

    private void printRefund(Sale sale, RefundRecord refund, Slips.Copy copy) {
        printer.print("refund " + refund.refundReference() + " (" + copy + ")",
                () -> slips.refund(sale, refund, copy, false, operatorName(refund.operatorId()), operatorName(refund.approvedBy()),
                        wordsOf(refund.operatorId())),
                () -> note(sale, "refund " + refund.refundReference() + " " + copy.name().toLowerCase(Locale.ROOT)));
    }

    private void note(Sale sale, String which) {
        ledger.sales().note(SaleEvent.of(EventKind.SLIP_PRINTED, sale, null, null, which, clock.instant()));
    }

    private Optional<OperatorAccount> operator(String operatorId) {
        return operatorId == null ? Optional.empty() : ledger.operators().find(operatorId);
    }

    /** The operator's own language, or the till's when they chose none. */
    private Words wordsOf(String operatorId) {
        return Words.of(operator(operatorId).map(OperatorAccount::language).map(Language::of).orElse(tillLanguage), zone);
    }

    private String operatorName(String operatorId) {
        return operator(operatorId).map(OperatorAccount::displayName).orElse(operatorId == null ? "" : operatorId);
    }

    @Override
    public void close() {
        printer.close();
    }
}
