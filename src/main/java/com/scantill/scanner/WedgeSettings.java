package com.scantill.scanner;

import java.time.Duration;
import java.util.Objects;

/**
 * How a keyboard-wedge scanner is told from a person typing.
 *
 * @param maxGap     the longest gap between two characters of one clean scan; scanners send one every 2–20 ms, people
 *                   type one every 100 ms or more
 * @param maxPause   the longest pause inside a scan (the scanner, the USB stack or a busy till stalling) that the
 *                   wedge waits out before it decides; typed characters reach their field this long after the last
 *                   key
 * @param minLength  the fewest characters a scan has, prefix and suffix excluded
 * @param terminator what ends a scan
 * @param suffix     the characters ending a scan when {@code terminator} is {@link Terminator#SUFFIX}
 * @param prefix     characters the scanner is set to send first, or empty
 */
public record WedgeSettings(Duration maxGap, Duration maxPause, int minLength, Terminator terminator, String suffix,
                            String prefix) {

    public static final Duration DEFAULT_MAX_GAP = Duration.ofMillis(50);
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofMillis(150);

    public enum Terminator {
        ENTER,
        TAB,
        SUFFIX
    }

    public WedgeSettings {
        Objects.requireNonNull(maxGap, "maxGap");
        Objects.requireNonNull(maxPause, "maxPause");
        Objects.requireNonNull(terminator, "terminator");
        suffix = suffix == null ? "" : suffix;
        prefix = prefix == null ? "" : prefix;
        if (maxGap.isZero() || maxGap.isNegative() || minLength < 1) {
            throw new IllegalArgumentException("a positive gap and a minimum length of at least 1");
        }
        if (maxPause.compareTo(maxGap) < 0) {
            throw new IllegalArgumentException("the longest pause inside a scan is at least the longest gap");
        }
        if (terminator == Terminator.SUFFIX && suffix.isEmpty()) {
            throw new IllegalArgumentException("a suffix terminator needs the suffix");
        }
    }

    public static WedgeSettings defaults() {
        return new WedgeSettings(DEFAULT_MAX_GAP, DEFAULT_MAX_PAUSE, 8, Terminator.ENTER, "", "");
    }

    public WedgeSettings withTerminator(Terminator newTerminator, String newSuffix) {
        return new WedgeSettings(maxGap, maxPause, minLength, newTerminator, newSuffix, prefix);
    }

    public WedgeSettings withPrefix(String newPrefix) {
        return new WedgeSettings(maxGap, maxPause, minLength, terminator, suffix, newPrefix);
    }
}
