package com.scantill.app;

import com.scantill.checkout.Reconciler;
import com.scantill.ledger.Ledger;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import com.scantill.reports.OmiseCheckWords;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The end-of-day check against Omise without a screen, for a script or a cron job, while the till is closed:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=com.scantill.app.CheckDayMain -Dexec.args="--day 2026-11-25"}.
 * Exits 0 when the ledger and Omise agree, 1 when they differ, 2 when the check could not be made. It speaks the
 * till's language ({@code ui.language}), or the one {@code --language th|en} names. With {@code --store} it checks the
 * shop's store (settings {@code store.jdbcUrl} …) instead of this till's ledger: every till copied there, or the one
 * {@code --till} names.
 */
public final class CheckDayMain {

    private CheckDayMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Words words = Words.of(Language.EN, ZoneId.systemDefault());
        try {
            Settings settings = SettingsStore.forThisMachine().load();
            ZoneId zone = settings.options().shopZone();
            Language language = Language.of(settings.options().language());
            words = Words.of(language, zone);
            LocalDate day = LocalDate.now(zone).minusDays(1);
            String tillId = null;
            boolean overStore = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--day" -> day = LocalDate.parse(args[++i]);
                    case "--till" -> tillId = args[++i];
                    case "--language" -> language = Language.of(args[++i]);
                    case "--store" -> overStore = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; use --day YYYY-MM-DD, --till ID, --store and --language th|en");
                }
            }
            words = Words.of(language, zone);
            OmiseCheckWords check = new OmiseCheckWords(words);
            try (Ledger ledger = overStore ? store(settings) : Ledger.open(settings.modeFolder());
                 OmiseConnection connection = OmiseConnection.open(settings)) {
                Reconciler reconciler = TillRuntime.reconcilerOf(settings, ledger, connection,
                        TillRuntime.operatorsOf(settings, ledger));
                ReconciliationRun run = reconciler.check(day, zone, tillId, "command line");
                String scope = tillId == null ? words.get("paper.scope.all") : words.get("paper.scope.till", tillId);
                out.println(words.get("check.commandLine", words.date(day), scope, check.summary(run), run.requests()));
                List<ReconciliationDifference> differences = ledger.reconciliations().differences(run.id());
                for (ReconciliationDifference difference : differences) {
                    out.println("  " + check.describe(difference));
                    out.println("    " + check.whatToDo(difference));
                }
                return differences.isEmpty() ? 0 : 1;
            }
        } catch (RuntimeException e) {
            err.println(words.get("check.commandLineFailed", e.getMessage()));
            return 2;
        }
    }

    private static Ledger store(Settings settings) {
        StoreSettings store = settings.store().orElseThrow(() -> new IllegalArgumentException(
                "--store needs the store's address in the settings: " + StoreSettings.URL));
        return Ledger.openStore(store.connections("store-check"), settings.modeFolder());
    }
}
