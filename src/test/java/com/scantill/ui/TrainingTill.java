package com.scantill.ui;

import com.scantill.app.Settings;
import com.scantill.app.SettingsStore;
import com.scantill.app.TillRuntime;
import com.scantill.model.PaymentCode;
import com.scantill.model.Role;
import com.scantill.operators.Operator;
import com.scantill.scanner.Scan;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The till's view models without a screen: a real till in training (its ledger file, its engine, the simulator
 * over HTTP), a cashier signed in, and the test's own thread as the FX thread.
 */
final class TrainingTill implements AutoCloseable {

    static final String SUPERVISOR_PIN = "864213";

    final SynchronousBackground fx = new SynchronousBackground();
    final TillRuntime runtime;
    final SessionModel session = new SessionModel();
    final PinPromptModel pinPrompt;
    final TillModel model;

    /** @param customerSeconds how long the training customer takes to pay by themselves */
    TrainingTill(Path dataFolder, int customerSeconds) throws Exception {
        this(dataFolder, customerSeconds, "");
    }

    /** @param settingLines more lines of {@code settings.properties} */
    TrainingTill(Path dataFolder, int customerSeconds, String settingLines) throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "operators.pinHashIterations=1000\n"
                + "training.customerConfirmSeconds=" + customerSeconds + "\n" + settingLines);
        Settings settings = new SettingsStore(dataFolder, Map.of()).load();
        runtime = TillRuntime.open(settings);
        Operator manager = runtime.operators().createFirstManager("malee", "Malee", "135790".toCharArray());
        runtime.operators().add(manager, "wanida", "Wanida", Role.SUPERVISOR, SUPERVISOR_PIN.toCharArray());
        runtime.operators().add(manager, "somchai", "Somchai", Role.CASHIER, "4321".toCharArray());
        runtime.engine().start().join();
        session.signedIn(runtime.operators().signIn("somchai", "4321".toCharArray()));
        pinPrompt = new PinPromptModel(runtime.operators(), fx, TestWords.ENGLISH);
        Words english = Words.of(Language.EN, settings.options().shopZone());
        model = new TillModel(runtime, session, pinPrompt, fx, Clock.systemUTC(), new CashierMessages(() -> english));
        model.activate();
    }

    void scan(String digits) {
        model.sale().scanned(new Scan(PaymentCode.parse(digits), Instant.now(), "test"));
    }

    /** Keys the amount and scans the code, as the cashier does. */
    void sell(String baht, String digits) {
        model.amount().textProperty().set(baht);
        scan(digits);
    }

    /** The supervisor answers the PIN prompt now showing. */
    void approveAsSupervisor() {
        pinPrompt.operatorIdProperty().set("wanida");
        pinPrompt.pinProperty().set(SUPERVISOR_PIN);
        pinPrompt.submit();
    }

    String panelTitle() {
        return model.sale().panelTitleProperty().get();
    }

    String message() {
        return model.messageProperty().get();
    }

    @Override
    public void close() {
        model.deactivate();
        runtime.close();
    }
}
