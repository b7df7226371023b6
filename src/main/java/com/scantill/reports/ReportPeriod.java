package com.scantill.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/** Business days from {@code first} to {@code last}, both included; each day midnight to midnight in the shop's zone. */
public record ReportPeriod(LocalDate first, LocalDate last) {

    /** The periods a manager picks most; {@link #CHOSEN} is any from–to. */
    public enum Preset {
        TODAY, YESTERDAY, THIS_WEEK, THIS_MONTH, LAST_MONTH, CHOSEN;

        /** This preset's days as of {@code today}; {@link #CHOSEN} keeps {@code chosen}. */
        public ReportPeriod days(LocalDate today, ReportPeriod chosen) {
            return switch (this) {
                case TODAY -> new ReportPeriod(today, today);
                case YESTERDAY -> new ReportPeriod(today.minusDays(1), today.minusDays(1));
                // Thai shops, as ISO, start the week on Monday.
                case THIS_WEEK -> new ReportPeriod(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
                case THIS_MONTH -> new ReportPeriod(today.withDayOfMonth(1), today);
                case LAST_MONTH -> {
                    LocalDate first = today.minusMonths(1).withDayOfMonth(1);
                    yield new ReportPeriod(first, first.with(TemporalAdjusters.lastDayOfMonth()));
                }
                case CHOSEN -> chosen;
            };
        }
    }

    public ReportPeriod {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A period ends on or after its first day: " + first + " to " + last);
        }
    }

    public static ReportPeriod day(LocalDate day) {
        return new ReportPeriod(day, day);
    }

    public boolean oneDay() {
        return first.equals(last);
    }

    /** The period's first instant in {@code zone}. */
    public Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The instant after the period in {@code zone}: the next day's midnight. */
    public Instant to(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
