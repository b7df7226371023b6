package com.scantill.scanner;

import java.time.Duration;
import java.util.Objects;

/**
 * How a keyboard-wedge scanner is told from a person typing.
 *
 * @param maxGap     the longest pause between two characters of one scan; scanners send one every 2–20 ms, people
 *                   type one every 100 ms or more
 * @param minLength  the fewest characters a scan has, prefix and suffix excluded
 * @param terminator what ends a scan
 * @param suffix     the characters ending a scan when {@code terminator} is {@link Terminator#SUFFIX}
 * @param prefix     characters the scanner is set to send first, or empty
 */
public record WedgeSettings(Duration maxGap, int minLength, Terminator terminator, String suffix, String prefix) {

    public enum Terminator {
        ENTER,
        TAB,
        SUFFIX
    }

    public WedgeSettings {
        Objects.requireNonNull(maxGap, "maxGap");
        Objects.requireNonNull(terminator, "terminator");
        suffix = suffix == null ? "" : suffix;
        prefix = prefix == null ? "" : prefix;
        if (maxGap.isZero() || maxGap.isNegative() || minLength < 1) {
            throw new IllegalArgumentException("a positive gap and a minimum length of at least 1");
        }
        if (terminator == Terminator.SUFFIX && suffix.isEmpty()) {
            throw new IllegalArgumentException("a suffix terminator needs the suffix");
        }
    }

    public static WedgeSettings defaults() {
        return new WedgeSettings(Duration.ofMillis(50), 8, Terminator.ENTER, "", "");
    }

    public WedgeSettings withTerminator(Terminator newTerminator, String newSuffix) {
        return new WedgeSettings(maxGap, minLength, newTerminator, newSuffix, prefix);
    }

    public WedgeSettings withPrefix(String newPrefix) {
        return new WedgeSettings(maxGap, minLength, terminator, suffix, newPrefix);
    }
}
