package com.scantill.reports;

import com.scantill.model.DifferenceKind;
import com.scantill.model.ReconciliationDifference;
import com.scantill.model.ReconciliationRun;
import com.scantill.words.Words;
import java.text.NumberFormat;
import java.util.Locale;

/** How the end-of-day check against Omise is told, on the screen, on paper and in the CSV alike, in one language. */
public final class OmiseCheckWords {

    private final Words words;

    public OmiseCheckWords(Words words) {
        this.words = words;
    }

    /** "Checked against Omise at 21:05 — 1,998 agree, 2 differ", or that it was not checked. */
    public String summary(ReconciliationRun run) {
        if (run == null) {
            return words.get("check.none");
        }
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        count.setGroupingUsed(true);
        return words.get("check.summary", words.time(run.checkedAt()), count.format(run.agreeing()),
                count.format(run.differing()));
    }

    /** What differs, for one sale: "Status differs · till-1-A: ledger NOT PAID; Omise PAID". */
    public String describe(ReconciliationDifference difference) {
        return words.get("check.describe." + difference.kind().name(), title(difference.kind()), difference.tillReference(),
                side(difference.inLedger()), side(difference.atOmise()));
    }

    /** A side as the reader says it: a status's name at its start in their words, the rest (amounts) as it is. */
    private String side(String recorded) {
        String[] statusAndRest = recorded.split(" ", 2);
        String key = "status." + statusAndRest[0];
        if (!words.bundle().containsKey(key)) {
            return recorded;
        }
        return words.get(key) + (statusAndRest.length > 1 ? " " + statusAndRest[1] : "");
    }

    /** What a supervisor does about it, or who settled it. */
    public String whatToDo(ReconciliationDifference difference) {
        if (difference.settled()) {
            return words.get("check.settled", difference.settledBy(), words.date(difference.settledAt().atZone(words.zone())
                    .toLocalDate()), words.time(difference.settledAt()));
        }
        return words.get("check.todo." + difference.kind().name());
    }

    public String title(DifferenceKind kind) {
        return words.get("check.title." + kind.name());
    }
}
