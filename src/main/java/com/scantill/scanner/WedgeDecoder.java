package com.scantill.scanner;

/**
 * Tells a keyboard-wedge scanner's burst from a person typing, one keystroke at a time. Every character is held
 * back until it is known which it is: characters no further apart than the maximum gap, ending in the terminator,
 * are a scan; anything else is given back, in order, to be typed where the person meant it. Times are in
 * nanoseconds from any fixed origin.
 *
 * <p>Not thread-safe: a keyboard's keystrokes arrive on one thread.
 */
public final class WedgeDecoder {

    /** Where the decoder's decisions go. */
    public interface Output {
        /** A complete scan, prefix and suffix removed. */
        void scan(String text);

        /** Characters held back that a person typed, to be typed after all. */
        void release(String text);
    }

    private final WedgeSettings settings;
    private final Output output;
    private final long maxGapNanos;
    private final StringBuilder held = new StringBuilder();
    private long lastNanos;

    public WedgeDecoder(WedgeSettings settings, Output output) {
        this.settings = settings;
        this.output = output;
        this.maxGapNanos = settings.maxGap().toNanos();
    }

    /** A character was typed; it is held back. */
    public void character(char c, long nanos) {
        if (!held.isEmpty() && nanos - lastNanos > maxGapNanos) {
            releaseHeld();
        }
        held.append(c);
        lastNanos = nanos;
        if (settings.terminator() == WedgeSettings.Terminator.SUFFIX && held.toString().endsWith(settings.suffix())) {
            finishWith(held.length() - settings.suffix().length());
        }
    }

    /**
     * Enter or Tab was pressed.
     *
     * @return whether it ended a scan and must go no further; otherwise it goes on after what was held
     */
    public boolean terminator(WedgeSettings.Terminator key, long nanos) {
        if (key == settings.terminator() && !held.isEmpty() && nanos - lastNanos <= maxGapNanos && isScan(held.length())) {
            finishWith(held.length());
            return true;
        }
        releaseHeld();
        return false;
    }

    /** Time passed with no keystroke: what is held longer than a scanner would pause was typed by a person. */
    public void idle(long nanos) {
        if (!held.isEmpty() && nanos - lastNanos > maxGapNanos) {
            releaseHeld();
        }
    }

    /** Another key came (Backspace, an arrow): what is held was typed by a person and goes first. */
    public void otherKey() {
        releaseHeld();
    }

    /** Whether characters are being held back: a burst may be under way. */
    public boolean isHolding() {
        return !held.isEmpty();
    }

    private boolean isScan(int end) {
        String text = held.substring(0, end);
        return text.startsWith(settings.prefix()) && text.length() - settings.prefix().length() >= settings.minLength();
    }

    private void finishWith(int end) {
        if (isScan(end)) {
            String text = held.substring(settings.prefix().length(), end);
            held.setLength(0);
            output.scan(text);
        } else {
            releaseHeld();
        }
    }

    private void releaseHeld() {
        if (!held.isEmpty()) {
            String text = held.toString();
            held.setLength(0);
            output.release(text);
        }
    }
}
