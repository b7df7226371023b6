package com.scantill.app;

import com.scantill.checkout.Reconciler;
import com.scantill.ledger.Ledger;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import com.scantill.reports.OmiseCheckWords;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The end-of-day check against Omise without a screen, for a script or a cron job, while the till is closed:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=com.scantill.app.CheckDayMain -Dexec.args="--day 2026-11-25"}.
 * Exits 0 when the ledger and Omise agree, 1 when they differ, 2 when the check could not be made.
 */
public final class CheckDayMain {

    private CheckDayMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Settings settings = SettingsStore.forThisMachine().load();
            ZoneId zone = settings.options().shopZone();
            LocalDate day = LocalDate.now(zone).minusDays(1);
            String tillId = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--day" -> day = LocalDate.parse(args[++i]);
                    case "--till" -> tillId = args[++i];
                    default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --day YYYY-MM-DD and --till ID");
                }
            }
            try (Ledger ledger = Ledger.open(settings.modeFolder());
                 OmiseConnection connection = OmiseConnection.open(settings)) {
                Reconciler reconciler = TillRuntime.reconcilerOf(settings, ledger, connection,
                        TillRuntime.operatorsOf(settings, ledger));
                ReconciliationRun run = reconciler.check(day, zone, tillId, "command line");
                out.println(day + " " + (tillId == null ? "all tills" : "till " + tillId) + ": " + OmiseCheckWords.summary(run, zone)
                        + " (" + run.requests() + " requests)");
                List<ReconciliationDifference> differences = ledger.reconciliations().differences(run.id());
                for (ReconciliationDifference difference : differences) {
                    out.println("  " + OmiseCheckWords.describe(difference));
                    out.println("    " + OmiseCheckWords.whatToDo(difference, zone));
                }
                return differences.isEmpty() ? 0 : 1;
            }
        } catch (RuntimeException e) {
            err.println("The check against Omise could not be made: " + e.getMessage());
            return 2;
        }
    }
}
