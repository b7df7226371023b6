package com.scantill.ui;

import com.scantill.app.TillMode;
import com.scantill.app.TillRuntime;
import com.scantill.checkout.CheckoutListener;
import com.scantill.checkout.OmiseAccess;
import com.scantill.checkout.SaleState;
import com.scantill.model.Role;
import com.scantill.model.SaleStatus;
import com.scantill.model.Sale;
import com.scantill.operators.Operator;
import com.scantill.operators.Operators;
import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.Scan;
import com.scantill.scanner.ScanListener;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The cashier's screen, made of small view models: the amount, the sale on the panel, the training phone, and the
 * day's transactions with their refunds. This one hears the engine and the scanner while the screen is shown and
 * hands their news to the FX thread; everything here runs on it.
 */
public final class TillModel {

    private final TillRuntime runtime;
    private final SessionModel session;
    private final BackgroundExecutor background;
    private final Notice message = new Notice();
    private final CashierMessages words;
    private final AmountModel amount;
    private final TrainingPhoneModel phone;
    private final CurrentSaleModel sale;
    private final TransactionsModel transactions;
    private boolean recoveryAsked;

    private final CheckoutListener engineListener = new CheckoutListener() {
        @Override
        public void saleChanged(SaleState state) {
            background.onFxThread(() -> {
                sale.saleChanged(state);
                transactions.refresh();
                Sale shown = sale.shown();
                if (shown != null && shown.tillReference().equals(state.tillReference()) && state.sale().status() == SaleStatus.SUCCESSFUL
                        && runtime.slips().asksBeforePrinting() && runtime.slips().printer().configured()) {
                    message.info(words.text("slip.ask"));
                }
            });
        }

        @Override
        public void accessChanged(OmiseAccess access) {
            background.onFxThread(() -> sale.accessChanged(access));
        }
    };
    private final ScanListener scanListener = new ScanListener() {
        @Override
        public void scanned(Scan scan) {
            background.onFxThread(() -> sale.scanned(scan));
        }

        @Override
        public void rejected(RejectedScan rejected) {
            background.onFxThread(() -> message.problem(words.rejected(rejected)));
        }
    };

    public TillModel(TillRuntime runtime, SessionModel session, PinPromptModel pinPrompt, BackgroundExecutor background,
                     Clock clock, CashierMessages words) {
        this.runtime = runtime;
        this.session = session;
        this.background = background;
        ZoneId zone = runtime.settings().options().shopZone();
        this.words = words;
        this.amount = new AmountModel(words);
        ApprovedActions approved = new ApprovedActions(pinPrompt, background, message, words);
        this.phone = new TrainingPhoneModel(runtime.connection(), runtime.connection().mode() == TillMode.TRAINING, background,
                message, words);
        this.sale = new CurrentSaleModel(runtime, session, amount, phone, approved, background, message, clock, words);
        this.transactions = new TransactionsModel(runtime, session, approved, background, message, clock, zone, words);
    }

    public void activate() {
        runtime.engine().addListener(engineListener);
        sale.accessChanged(runtime.engine().access());
        runtime.scans().addListener(scanListener);
        transactions.refresh();
        tellAManagerOfLockOuts();
        if (!recoveryAsked) {
            recoveryAsked = true;
            background.whenDone(runtime.engine().recoveredSales(), references -> background.run(
                    () -> references.stream().map(reference -> runtime.engine().state(reference)).flatMap(Optional::stream).toList(),
                    sale::recovered, this::recoveryUnread), this::recoveryUnread);
        }
    }

    public void deactivate() {
        runtime.engine().removeListener(engineListener);
        runtime.scans().removeListener(scanListener);
    }

    /** Everything on the till screen said again in the language of the moment. */
    void reword() {
        amount.reword();
        sale.reword();
        transactions.reword();
    }

    private void recoveryUnread(Throwable failure) {
        message.problem(words.text("recovery.unread", failure.getMessage()));
    }

    /** A manager signing in hears of operators locked out by wrong PINs: someone may be guessing. */
    private void tellAManagerOfLockOuts() {
        Operator who = session.operator();
        if (who == null || !who.may(Role.MANAGER)) {
            return;
        }
        background.run(() -> runtime.operators().accounts().stream()
                        .filter(account -> account.failedAttempts() >= Operators.MAX_ATTEMPTS).toList(),
                locked -> {
                    if (!locked.isEmpty()) {
                        message.problem(words.text("lockouts", locked.stream().map(account -> words.text("lockouts.one",
                                account.operatorId(), account.failedAttempts())).collect(Collectors.joining(words.text("lockouts.separator")))));
                    }
                }, failure -> { });
    }

    /**
     * Prints the slip of a sale (Ctrl+P): the one selected in the list when {@code fromTheList}, else the one on the
     * panel. A paid sale's slip printed before says COPY; a failed or expired sale's says no money was taken.
     */
    void printSlip(boolean fromTheList) {
        transactions.printSlip(fromTheList ? transactions.selectedProperty().get() : sale.shown());
    }

    CashierMessages words() {
        return words;
    }

    AmountModel amount() {
        return amount;
    }

    CurrentSaleModel sale() {
        return sale;
    }

    TrainingPhoneModel phone() {
        return phone;
    }

    TransactionsModel transactions() {
        return transactions;
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}
