package com.scantill.reports;

import com.scantill.ledger.ReportRecords;
import com.scantill.model.Money;
import com.scantill.model.Sale;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sale a customer asks about, found by what the manager has at hand, across days, newest first:
 * <ul>
 *   <li>the payment code's last four digits ({@code 4821}), or the whole code, of which the ledger kept only those;</li>
 *   <li>a charge id ({@code chrg_…}) or a till reference, or the start of one;</li>
 *   <li>an amount in baht ({@code 1500}, {@code ฿1,500.50}); four digits are looked for as both a code's end and an
 *       amount;</li>
 *   <li>a time: {@code 14:05} on any of the last 31 days, or {@code 2026-11-20 14:05}, give or take 10 minutes; or a
 *       whole day, {@code 2026-11-20}.</li>
 * </ul>
 */
public final class SaleSearch {

    static final Duration AROUND = Duration.ofMinutes(10);
    static final int DAYS_BACK = 31;
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Pattern DAY_AND_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{1,2})[:.](\\d{2}))?");

    private interface Look {
        List<Sale> in(ReportRecords records, int limit);
    }

    private final List<Look> looks;

    private SaleSearch(List<Look> looks) {
        this.looks = List.copyOf(looks);
    }

    /** What {@code typed} asks for, {@code today} in {@code zone}; empty when it is none of the above. */
    public static Optional<SaleSearch> parse(String typed, LocalDate today, ZoneId zone) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Look> looks = new ArrayList<>();
        String digits = text.replace(" ", "");
        if (digits.matches("\\d{4}")) {
            looks.add((records, limit) -> records.findByLastFour(digits, limit));
        } else if (digits.matches("\\d{10,}")) {
            String lastFour = digits.substring(digits.length() - 4);
            looks.add((records, limit) -> records.findByLastFour(lastFour, limit));
            return Optional.of(new SaleSearch(looks));
        }
        Matcher time = TIME.matcher(text);
        Matcher day = DAY_AND_TIME.matcher(text);
        if (time.matches()) {
            int hour = Integer.parseInt(time.group(1));
            int minute = Integer.parseInt(time.group(2));
            if (hour > 23 || minute > 59) {
                return Optional.empty();
            }
            List<Instant[]> spans = new ArrayList<>();
            for (int back = 0; back < DAYS_BACK; back++) {
                spans.add(around(today.minusDays(back).atTime(hour, minute), zone));
            }
            looks.add((records, limit) -> records.findStartedIn(spans, limit));
        } else if (day.matches()) {
            try {
                LocalDate date = LocalDate.parse(day.group(1));
                Instant[] span = day.group(2) == null
                        ? new Instant[] {date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()}
                        : around(LocalDateTime.of(date, LocalTime.of(Integer.parseInt(day.group(2)), Integer.parseInt(day.group(3)))), zone);
                List<Instant[]> spans = new ArrayList<>();
                spans.add(span);
                looks.add((records, limit) -> records.findStartedIn(spans, limit));
            } catch (DateTimeException notADay) {
                return Optional.empty();
            }
        } else if (text.toLowerCase(Locale.ROOT).startsWith("chrg_")) {
            // Omise writes its ids in lower case; a manager may read one out in capitals.
            String chargeId = text.toLowerCase(Locale.ROOT);
            looks.add((records, limit) -> records.findByChargeId(chargeId, limit));
        } else {
            try {
                long amount = Money.parse(text);
                looks.add((records, limit) -> records.findByAmount(amount, limit));
            } catch (IllegalArgumentException notAnAmount) {
                if (!text.matches("[A-Za-z0-9_-]{2,64}")) {
                    return Optional.empty();
                }
                looks.add((records, limit) -> records.findByTillReference(text, limit));
            }
        }
        return Optional.of(new SaleSearch(looks));
    }

    private static Instant[] around(LocalDateTime at, ZoneId zone) {
        Instant moment = at.atZone(zone).toInstant();
        return new Instant[] {moment.minus(AROUND), moment.plus(AROUND)};
    }

    /** The sales found, each once, newest first, at most {@code limit}. */
    public List<Sale> run(ReportRecords records, int limit) {
        Map<String, Sale> found = new LinkedHashMap<>();
        for (Look look : looks) {
            look.in(records, limit).forEach(sale -> found.putIfAbsent(sale.tillReference(), sale));
        }
        return found.values().stream()
                .sorted(Comparator.comparing(Sale::createdAt).thenComparing(Sale::tillReference).reversed())
                .limit(limit).toList();
    }
}
