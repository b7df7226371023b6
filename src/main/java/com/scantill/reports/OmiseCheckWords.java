package com.scantill.reports;

import com.scantill.model.DifferenceKind;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the end-of-day check against Omise is told, on the screen, on paper and in the CSV alike. */
public final class OmiseCheckWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private OmiseCheckWords() {
    }

    /** "Checked against Omise at 21:05 — 1,998 agree, 2 differ", or that it was not checked. */
    public static String summary(ReconciliationRun run, ZoneId zone) {
        if (run == null) {
            return "Not checked against Omise yet";
        }
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        count.setGroupingUsed(true);
        return "Checked against Omise at " + TIME.withZone(zone).format(run.checkedAt()) + " — "
                + count.format(run.agreeing()) + " agree, " + count.format(run.differing()) + " differ";
    }

    /** What differs, for one sale: "Status: ledger FAILED, Omise SUCCESSFUL". */
    public static String describe(ReconciliationDifference difference) {
        return title(difference.kind()) + " · " + difference.tillReference() + ": ledger " + difference.inLedger()
                + "; Omise " + difference.atOmise();
    }

    /** What a supervisor does about it, or who settled it. */
    public static String whatToDo(ReconciliationDifference difference, ZoneId zone) {
        if (difference.settled()) {
            return "Omise's state accepted by " + difference.settledBy() + " at "
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(difference.settledAt());
        }
        return switch (difference.kind()) {
            case MISSING_IN_LEDGER -> "A supervisor accepts it to add the sale to the ledger; if paid, it is a real sale or a refund owed.";
            case MISSING_AT_OMISE -> "Look the sale up in Omise's dashboard; the till cannot take in a charge Omise does not have.";
            case STATUS -> "A supervisor accepts Omise's state; a sale paid after the customer was told otherwise is owed a refund.";
            case AMOUNTS -> "A supervisor accepts Omise's fee and net; an amount that differs is refused: call Omise.";
            case REFUNDS -> "A refund made outside the till: a supervisor accepts it to add it to the ledger.";
        };
    }

    public static String title(DifferenceKind kind) {
        return switch (kind) {
            case MISSING_IN_LEDGER -> "Charge not in the ledger";
            case MISSING_AT_OMISE -> "Charge not at Omise";
            case STATUS -> "Status differs";
            case AMOUNTS -> "Amounts differ";
            case REFUNDS -> "Refunds differ";
        };
    }
}
