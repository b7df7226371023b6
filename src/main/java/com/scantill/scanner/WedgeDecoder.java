package com.scantill.scanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a keyboard-wedge scanner's burst from a person typing. Every character is held back until it is known
 * which it is, and a sequence that could be either is refused rather than guessed:
 * <ul>
 *     <li>one unbroken run of characters (none further apart than the maximum gap) ending in the terminator, with
 *     nothing else for the longest pause before and after it, is a scan;</li>
 *     <li>characters that each came alone (a gap either side) are a person's, given back in order once nothing
 *     has come for the longest pause a scan may make;</li>
 *     <li>anything else — a run broken by a pause, typing that runs into a scan, keys bunched together by a
 *     stalled till — is refused: nothing is typed and nothing is sent; so is whatever comes sooner after a scan
 *     or a refusal than the longest pause, since it may be the rest of that burst.</li>
 * </ul>
 * A key that is not a character (Enter, Backspace, an arrow) pressed while a person's characters are held waits
 * with them, so that it still comes after them; it is dropped only with them, when they are refused. So scanner
 * input never reaches a field, and a person's keystroke is given back in order, or refused with a message, never
 * silently lost. Times are in nanoseconds from any fixed origin, passed in by the caller, so that decisions are
 * exact and can be tested without waiting.
 *
 * <p>Not thread-safe: a keyboard's keystrokes arrive on one thread.
 */
public final class WedgeDecoder {

    /** Why held keys were neither typed nor sent. */
    public enum Refusal {
        /** A run of characters too fast for a person that did not end like a scan: a scan cut short or paused. */
        INTERRUPTED,
        /** A person's typing ran into a scan, too close to tell apart. */
        MIXED
    }

    /** A key that is not a character. */
    public enum Key {
        ENTER,
        TAB,
        OTHER
    }

    /** What becomes of a key that is not a character. */
    public enum KeyFate {
        /** It goes on to the till now. */
        GOES_ON,
        /** It belonged to the scanner (it ended a scan, or a burst that was refused): it goes no further. */
        TAKEN,
        /** It waits with a person's characters and goes on after them, or is refused with them. */
        WAITS
    }

    /** Where the decoder's decisions go. */
    public interface Output {
        /** A complete scan, prefix and suffix removed. */
        void scan(String text);

        /** Characters held back that a person typed, to be typed after all. */
        void release(String text);

        /** Held keys refused: how many characters, and how many other keys that had waited with them. */
        void refuse(Refusal why, int characters, int keys);
    }

    private record Held(char character, Runnable key, long nanos) {
        boolean isCharacter() {
            return key == null;
        }
    }

    private final WedgeSettings settings;
    private final Output output;
    private final long maxGapNanos;
    private final long maxPauseNanos;
    private final List<Held> held = new ArrayList<>();
    /** A scan waiting out the longest pause, in case the burst goes on and it was only part of one. */
    private String pendingScan;
    private int pendingScanLength;
    private long pendingScanNanos;
    private long lastCharacterNanos;
    private long lastBurstNanos;
    private boolean burstBefore;
    /** What is held began sooner after a scan or a refusal than the longest pause: it may be the rest of that burst. */
    private boolean followsBurst;

    public WedgeDecoder(WedgeSettings settings, Output output) {
        this.settings = settings;
        this.output = output;
        this.maxGapNanos = settings.maxGap().toNanos();
        this.maxPauseNanos = settings.maxPause().toNanos();
    }

    /** A character was typed; it is held back. */
    public void character(char c, long nanos) {
        if (pendingScan != null) {
            if (nanos - pendingScanNanos > maxPauseNanos) {
                dispatchPendingScan();
            } else {
                refusePendingScan();
            }
        }
        if (isHolding() && nanos - lastCharacterNanos > maxPauseNanos) {
            settle();
        }
        if (!isHolding()) {
            followsBurst = burstBefore && nanos - lastBurstNanos <= maxPauseNanos;
        }
        held.add(new Held(c, null, nanos));
        lastCharacterNanos = nanos;
        if (settings.terminator() == WedgeSettings.Terminator.SUFFIX && text(held).endsWith(settings.suffix())) {
            endOfRun(settings.suffix().length(), nanos);
        }
    }

    /**
     * A key that is not a character was pressed.
     *
     * @param nanos when the key was pressed
     * @param goOn  gives the key to the till after all, when it waited with a person's characters
     * @return what becomes of it; when it waits, {@code goOn} runs once the characters before it are given back
     */
    public KeyFate key(Key key, long nanos, Runnable goOn) {
        if (pendingScan != null) {
            if (isTerminator(key) && nanos - pendingScanNanos <= maxPauseNanos) {
                // A second terminator so soon: the first ended only part of the burst.
                refusePendingScan();
                return KeyFate.TAKEN;
            }
            dispatchPendingScan();
        }
        if (!isHolding()) {
            return KeyFate.GOES_ON;
        }
        long gap = nanos - lastCharacterNanos;
        if (gap > maxPauseNanos) {
            settle();
            return KeyFate.GOES_ON;
        }
        boolean terminator = isTerminator(key) && held.get(held.size() - 1).isCharacter();
        if (terminator && gap <= maxGapNanos) {
            return endOfRun(0, nanos) ? KeyFate.TAKEN : waitWithTheCharacters(goOn, nanos);
        }
        if (typedByAPerson()) {
            return waitWithTheCharacters(goOn, nanos);
        }
        refuse(Refusal.INTERRUPTED);
        // A scanner's terminator after a pause belongs to what was refused; any other key is a person's.
        return terminator ? KeyFate.TAKEN : KeyFate.GOES_ON;
    }

    /** Time passed with no keystroke: decides what is held once nothing has come for the longest pause of a scan. */
    public void idle(long nanos) {
        if (pendingScan != null && nanos - pendingScanNanos >= maxPauseNanos) {
            dispatchPendingScan();
        }
        if (!held.isEmpty() && nanos - lastCharacterNanos >= maxPauseNanos) {
            settle();
        }
    }

    /** Decides now what is held, as if the longest pause had passed: when the keyboard goes away, say. */
    public void flush() {
        if (pendingScan != null) {
            dispatchPendingScan();
        }
        settle();
    }

    /** Whether keys are being held back, or a scan waits: a burst may be under way. */
    public boolean isHolding() {
        return !held.isEmpty() || pendingScan != null;
    }

    private boolean isTerminator(Key key) {
        return key == Key.ENTER && settings.terminator() == WedgeSettings.Terminator.ENTER
                || key == Key.TAB && settings.terminator() == WedgeSettings.Terminator.TAB;
    }

    private KeyFate waitWithTheCharacters(Runnable goOn, long nanos) {
        held.add(new Held('\0', goOn, nanos));
        return KeyFate.WAITS;
    }

    /**
     * The terminator (or suffix, of {@code suffixLength}) came right after the last character, at {@code endNanos}.
     *
     * @return whether it was decided: a scan, or refused; otherwise the characters are a person's, still held
     */
    private boolean endOfRun(int suffixLength, long endNanos) {
        int start = lastRunStart();
        String run = text(held.subList(start, held.size()));
        String body = run.substring(0, run.length() - suffixLength);
        boolean scanShaped = body.startsWith(settings.prefix()) && body.length() - settings.prefix().length() >= settings.minLength();
        if (start == 0 && scanShaped && !followsBurst) {
            endBurst();
            pendingScan = body.substring(settings.prefix().length());
            pendingScanLength = run.length();
            pendingScanNanos = endNanos;
            held.clear();
            return true;
        }
        if (typedByAPerson()) {
            return false;
        }
        refuse(scanShaped ? Refusal.MIXED : Refusal.INTERRUPTED);
        return true;
    }

    /** Nothing more belongs with what is held: a person's keystrokes go back, anything faster is refused. */
    private void settle() {
        if (!isHolding()) {
            return;
        }
        if (typedByAPerson()) {
            giveBack();
        } else {
            refuse(Refusal.INTERRUPTED);
        }
    }

    private boolean typedByAPerson() {
        if (followsBurst) {
            return false;
        }
        long previous = Long.MIN_VALUE;
        for (Held entry : held) {
            if (entry.isCharacter()) {
                if (previous != Long.MIN_VALUE && entry.nanos() - previous <= maxGapNanos) {
                    return false;
                }
                previous = entry.nanos();
            }
        }
        return true;
    }

    /** Where the last unbroken run of characters begins; a key between two characters breaks a run. */
    private int lastRunStart() {
        int start = held.size() - 1;
        while (start > 0 && held.get(start - 1).isCharacter()
                && held.get(start).nanos() - held.get(start - 1).nanos() <= maxGapNanos) {
            start--;
        }
        return start;
    }

    private void giveBack() {
        List<Held> entries = new ArrayList<>(held);
        held.clear();
        StringBuilder typed = new StringBuilder();
        for (Held entry : entries) {
            if (entry.isCharacter()) {
                typed.append(entry.character());
            } else {
                if (!typed.isEmpty()) {
                    output.release(typed.toString());
                    typed.setLength(0);
                }
                entry.key().run();
            }
        }
        if (!typed.isEmpty()) {
            output.release(typed.toString());
        }
    }

    private void refuse(Refusal why) {
        int characters = (int) held.stream().filter(Held::isCharacter).count();
        int keys = held.size() - characters;
        endBurst();
        held.clear();
        output.refuse(why, characters, keys);
    }

    private void dispatchPendingScan() {
        String scan = pendingScan;
        pendingScan = null;
        output.scan(scan);
    }

    private void refusePendingScan() {
        pendingScan = null;
        endBurst();
        output.refuse(Refusal.INTERRUPTED, pendingScanLength, 0);
    }

    private void endBurst() {
        lastBurstNanos = lastCharacterNanos;
        burstBefore = true;
    }

    private static String text(List<Held> entries) {
        StringBuilder text = new StringBuilder();
        for (Held entry : entries) {
            if (entry.isCharacter()) {
                text.append(entry.character());
            }
        }
        return text.toString();
    }
}
