package com.scantill.ui;

import com.scantill.checkout.CheckoutEngine;
import com.scantill.checkout.CheckoutRefusedException;
import com.scantill.checkout.ExpireFailedException;
import com.scantill.checkout.PaymentCodeUsedException;
import com.scantill.checkout.Refusal;
import com.scantill.model.Money;
import com.scantill.model.PaymentCodeFormats;
import com.scantill.model.PaymentMethod;
import com.scantill.model.RefundRecord;
import com.scantill.model.Role;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.model.UpmRules;
import com.scantill.operators.SignInRefusedException;
import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.ScannerState;
import com.scantill.words.Words;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * What the operator is told of a sale and of what the till refused, in words that say what to do next: the one place
 * that turns a sale's state into words, in the language of the moment.
 */
final class CashierMessages {

    private final Supplier<Words> words;

    /** @param words the words of the language the till speaks now; asked at each use, so that a switch shows at once */
    CashierMessages(Supplier<Words> words) {
        this.words = words;
    }

    /** The words of the language the till speaks now, for what is worded outside the UI (the report, the check). */
    Words current() {
        return words.get();
    }

    /** The till's words under {@code key}, in the language of the moment; for what the methods here do not cover too. */
    String text(String key, Object... values) {
        return words.get().get(key, values);
    }

    String failure(Sale sale) {
        String code = sale.failureCode() == null ? "" : sale.failureCode();
        return switch (code) {
            case "insufficient_fund", "payment_rejected", "invalid_account", "payment_expired", "failed_processing" ->
                    text("failure." + code, wallet(sale));
            default -> sale.failureMessage() == null ? text("failure.other") : text("failure.otherSaying", sale.failureMessage());
        };
    }

    String keyRefused() {
        return text("keyRefused");
    }

    String notCharged(Sale sale) {
        if ("authentication_failure".equals(sale.failureCode())) {
            return text("notCharged.keyRefused");
        }
        if (CheckoutEngine.METHOD_NOT_ENABLED.equals(sale.failureCode())) {
            return text("failure." + CheckoutEngine.METHOD_NOT_ENABLED, method(sale.method()));
        }
        return sale.failureMessage() == null ? text("notCharged") : text("notCharged.saying", sale.failureMessage());
    }

    /** A payment method's name: {@code WeChat Pay}, {@code Alipay+}. */
    String method(PaymentMethod method) {
        return words.get().method(method.sourceType(), null);
    }

    /** The method a sale was paid with and the wallet, when Omise's charge named it: {@code Alipay+ · TrueMoney}. */
    String methodAndWallet(Sale sale) {
        return words.get().method(sale.method().sourceType(), sale.wallet());
    }

    /** The wallet as the customer knows it: the one Omise named, else the method. */
    String wallet(Sale sale) {
        return words.get().wallet(sale.method().sourceType(), sale.wallet());
    }

    /** A sale's state in one or two words, as the panel shows it. */
    String status(SaleStatus status) {
        return text("status." + status.name());
    }

    /** What the amount field says of what was keyed ({@code null}: nothing yet): how to go on, or what is wrong with it. */
    String amount(Long keyed) {
        if (keyed == null) {
            return text("amount.key", Money.format(UpmRules.MIN_AMOUNT_SATANG), Money.format(UpmRules.MAX_AMOUNT_SATANG));
        }
        if (keyed < UpmRules.MIN_AMOUNT_SATANG) {
            return text("amount.tooLittle", Money.format(UpmRules.MIN_AMOUNT_SATANG));
        }
        if (keyed > UpmRules.MAX_AMOUNT_SATANG) {
            return text("amount.tooMuch", Money.format(UpmRules.MAX_AMOUNT_SATANG));
        }
        return text("amount.scan");
    }

    String ready() {
        return text("panel.title.ready");
    }

    String keyRefusedTitle() {
        return text("panel.title.keyRefused");
    }

    /** The panel's title for a sale being sent that the engine has not yet taken. */
    String sending(long amount) {
        return text("panel.title.CREATING", Money.format(amount));
    }

    String sendingDetail(String paymentCodeMasked) {
        return text("panel.detail.sending", paymentCodeMasked);
    }

    /** The panel's title for a sale, its state and amount in a glance. */
    String panelTitle(Sale sale) {
        String shown = Money.format(sale.amount());
        if (sale.needsAttention() && !sale.status().isFinal()) {
            return text("panel.title.needsAttention", shown);
        }
        return text("panel.title." + sale.status().name(), shown);
    }

    /** The panel's words under the title: what happened and what the cashier does next. */
    String panelDetail(Sale sale, boolean expiryOffered) {
        if (sale.needsAttention() && !sale.status().isFinal()) {
            return needsAttention(sale);
        }
        return switch (sale.status()) {
            case CREATED, CREATING -> sendingDetail(sale.paymentCodeMasked());
            case PENDING -> expiryOffered ? text("panel.detail.waitingTooLong") : text("panel.detail.waiting", wallet(sale));
            case UNKNOWN -> text("panel.detail.checking");
            case SUCCESSFUL -> {
                String at = words.get().timeWithSeconds(sale.paidAt() == null ? sale.finishedAt() : sale.paidAt());
                yield sale.refundOwed() ? text("panel.detail.paidRefundOwed", sale.chargeId(), at, refundOwed(sale))
                        : text("panel.detail.paid", sale.chargeId(), at);
            }
            case FAILED -> failure(sale);
            case EXPIRED -> text("panel.detail.expired");
            case REVERSED -> text("panel.detail.reversed");
            case NOT_CREATED -> notCharged(sale);
        };
    }

    /** A sale paid after the till had given up on it: the one sentence the panel, the list and the details all use. */
    String refundOwed(Sale sale) {
        String why = text(sale.expireRequested() ? "refundOwed.expired" : sale.abandoned() ? "refundOwed.abandoned"
                : "refundOwed.notCharged");
        return text("refundOwed", sale.tillReference(), Money.format(sale.amount()), why, Money.format(sale.refundableAmount()));
    }

    /** A sale's line in the transaction list; the code's last digits come first, so that they always show. */
    String listLine(Sale sale) {
        StringBuilder line = new StringBuilder(text("list.line", words.get().time(sale.createdAt()),
                sale.paymentCodeLastFour(), Money.format(sale.amount()), status(sale.status()),
                // Kept whole when the line wraps: "WeChat Pay", not "WeChat" and "Pay" a line apart.
                wallet(sale).replace(' ', '\u00A0')));
        if (sale.needsAttention() && !sale.status().isFinal()) {
            line.append(text("list.needsAttention"));
        }
        if (sale.recoveredFromOmise()) {
            line.append(text("list.recovered"));
        }
        if (sale.refundOwed() && sale.refundableAmount() > 0) {
            line.append(text("list.refundOwed"));
        }
        if (sale.refundedAmount() > 0) {
            line.append(text("list.refunded", Money.format(sale.refundedAmount())));
        }
        return line.toString();
    }

    /** A sale in full for the details pane: its facts, refunds and history. */
    String details(Sale sale, List<RefundRecord> refunds, List<SaleEvent> events) {
        Words now = words.get();
        StringBuilder text = new StringBuilder()
                .append(text("details.sale", sale.tillReference())).append('\n')
                .append(text("details.amountAndStatus", Money.format(sale.amount()), status(sale.status()))).append('\n')
                .append(text("details.paymentCode", sale.paymentCodeMasked(), methodAndWallet(sale))).append('\n')
                .append(sale.chargeId() == null ? text("details.noCharge") : text("details.charge", sale.chargeId())).append('\n')
                .append(text("details.cashier", sale.operatorId(), now.timeWithSeconds(sale.createdAt())));
        if (sale.refundOwed() && sale.refundableAmount() > 0) {
            text.append('\n').append(refundOwed(sale));
        }
        if (sale.failureCode() != null) {
            text.append('\n').append(text("details.failure", sale.failureCode()));
        }
        if (sale.refundedAmount() > 0) {
            text.append('\n').append(text("details.refunded", Money.format(sale.refundedAmount())));
        }
        for (RefundRecord refund : refunds) {
            text.append('\n').append(text("details.refund", Money.format(refund.amount()),
                    text("refund.status." + refund.status().name()), refund.approvedBy()));
        }
        text.append('\n').append(text("details.history"));
        for (SaleEvent event : events) {
            String at = now.timeWithSeconds(event.occurredAt());
            String what = text("event." + event.kind().name());
            text.append('\n').append(event.operatorId() == null ? text("details.event", at, what)
                    : text("details.eventBy", at, what, event.operatorId()));
        }
        return text.toString();
    }

    /** The sales an earlier run left unfinished, as they stand now. */
    String recovered(List<Sale> sales) {
        StringBuilder list = new StringBuilder();
        for (Sale sale : sales) {
            if (!list.isEmpty()) {
                list.append(text("recovered.separator"));
            }
            list.append(sale.chargeId() == null
                    ? text("recovered.sale", Money.format(sale.amount()), status(sale.status()), sale.tillReference())
                    : text("recovered.saleWithCharge", Money.format(sale.amount()), status(sale.status()), sale.chargeId(),
                    sale.tillReference()));
        }
        return text("recovered", list);
    }

    /** A payment code scanned again after it was sent to Omise for {@code earlier}. */
    String codeUsed(Sale earlier) {
        return text(earlier.status().isFinal() ? "codeUsed.final" : "codeUsed.inFlight", earlier.tillReference(),
                status(earlier.status()), Money.format(earlier.amount()), words.get().time(earlier.createdAt()));
    }

    /** Omise does not know the sale's charge, or answered with one that is not the sale's: what to do. */
    String needsAttention(Sale sale) {
        return sale.chargeId() == null ? text("needsAttention.noCharge") : text("needsAttention", sale.chargeId());
    }

    /** What went wrong, for the operator: a refusal in words, anything else as the failure it is. */
    String of(Throwable failure) {
        if (failure instanceof PaymentCodeUsedException used) {
            return codeUsed(used.earlier());
        }
        if (failure instanceof ExpireFailedException failed) {
            return expireFailed(failed);
        }
        if (failure instanceof CheckoutRefusedException refused) {
            return refusal(refused.refusal());
        }
        if (failure instanceof SignInRefusedException refused) {
            return signInRefusal(refused);
        }
        return failure.getMessage();
    }

    /** A day as the language of the moment writes it. */
    String date(LocalDate day) {
        return words.get().date(day);
    }

    /** How a scanner stands, for the status bar: what happened and what to do. */
    String scanner(ScannerState state) {
        return text("status.scanner." + state.situation().name(), state.scanner(), state.errorCode());
    }

    /** The payment code formats the till knows, from their table: a new wallet's format is named without a change here. */
    private String formats() {
        return PaymentCodeFormats.standard().formats().stream()
                .sorted(Comparator.comparing(PaymentCodeFormats.Format::firstFrom))
                .map(format -> text("scan.format", range(format.minLength(), format.maxLength()),
                        range(format.firstFrom(), format.firstTo()), format.wallet() != null ? format.wallet() : method(format.method())))
                .collect(Collectors.joining(text("scan.formats.or")));
    }

    /** One value, or "from to to". */
    private String range(Object from, Object to) {
        return from.equals(to) ? from.toString() : text("range", from, to);
    }

    /** A scanner read that was not a payment code: what happened and what to do. */
    String rejected(RejectedScan rejected) {
        String key = "scan.rejected." + rejected.reason().name();
        return switch (rejected.reason()) {
            case NOT_A_PAYMENT_CODE -> text(key, rejected.echo(), rejected.length(), formats());
            case INCOMPLETE -> text(key, rejected.echo());
            case GARBLED, CUT_SHORT -> text(key);
        };
    }

    String role(Role role) {
        return text("role." + role.name());
    }

    String signInRefusal(SignInRefusedException refused) {
        String key = "signIn." + refused.reason().name();
        return switch (refused.reason()) {
            case WRONG_ID_OR_PIN, FIRST_MANAGER_EXISTS, CANNOT_DISABLE_SELF, BAD_ID, NO_NAME, NOT_A_MANAGER -> text(key);
            case DAMAGED_PIN_RECORD, OPERATOR_EXISTS, NO_SUCH_OPERATOR -> text(key, refused.operatorId());
            case LOCKED_OUT -> text(key, refused.operatorId(), refused.count(), words.get().time(refused.until()));
            case ROLE_TOO_LOW -> text(key, refused.name(), role(refused.role()), role(refused.needed()));
            case BAD_PIN -> text(key, role(refused.role()), refused.count());
        };
    }

    String refusal(Refusal refusal) {
        String key = "refusal." + refusal.reason().name();
        String sale = refusal.tillReference();
        return switch (refusal.reason()) {
            case NO_OPERATOR, NO_APPROVAL -> text(key);
            case OPERATOR_MAY_NOT_WORK, NO_SUCH_DIFFERENCE, DIFFERENCE_SETTLED, NO_CHARGE_AT_OMISE, REFUND_REFUSED_BY_OMISE ->
                    text(key, refusal.detail());
            case METHOD_NOT_ENABLED -> text(key, words.get().method(refusal.detail(), null));
            case AMOUNT_OUT_OF_LIMITS -> text(key, Money.format(refusal.amount()), Money.format(UpmRules.MIN_AMOUNT_SATANG),
                    Money.format(UpmRules.MAX_AMOUNT_SATANG));
            case EARLIER_SALE_UNSETTLED, PAYMENT_CODE_USED, NO_SUCH_SALE, NO_CHARGE_YET, NOT_WAITING_FOR_REVIEW, STILL_FOLLOWED,
                    EARLIER_REFUND_UNANSWERED, REFUND_WINDOW_PASSED, EXPIRE_FAILED -> text(key, sale);
            case KEY_REFUSED -> text(key, keyRefused());
            case NOT_PAID -> text(key, sale, status(refusal.status()));
            case REFUND_NOT_POSITIVE -> text(key, Money.format(0));
            case MORE_THAN_REFUNDABLE -> text(key, sale, Money.format(refusal.available()), Money.format(refusal.amount()));
            case REFUND_OUTCOME_UNKNOWN -> text(key, Money.format(refusal.amount()));
            case CHARGE_NOT_THE_SALES -> text(key, sale, refusal.detail());
        };
    }

    String expireFailed(ExpireFailedException failed) {
        String key = "expireFailed." + failed.reason().name();
        String sale = failed.sale().tillReference();
        return failed.reason() == ExpireFailedException.Reason.KEY_REFUSED ? text(key, sale, keyRefused()) : text(key, sale);
    }
}
