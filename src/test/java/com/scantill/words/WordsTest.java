package com.scantill.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Dates and times in each language. */
class WordsTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Test
    void thaiDatesAreInTheBuddhistEraAndEnglishOnesInIso() {
        LocalDate day = LocalDate.of(2026, 11, 26);

        assertThat(Words.of(Language.TH, BANGKOK).date(day)).isEqualTo("26 พ.ย. 2569");
        assertThat(Words.of(Language.EN, BANGKOK).date(day)).isEqualTo("2026-11-26");
    }

    @Test
    void timesAreTheShopsAnd24Hour() {
        Instant lateAfternoon = Instant.parse("2026-11-26T10:05:09Z");

        assertThat(Words.of(Language.TH, BANGKOK).time(lateAfternoon)).isEqualTo("17:05");
        assertThat(Words.of(Language.EN, BANGKOK).timeWithSeconds(lateAfternoon)).isEqualTo("17:05:09");
    }

    @Test
    void aDayIsReadAsEachLanguageWritesItAndAlwaysInIso() {
        LocalDate day = LocalDate.of(2026, 11, 26);
        Words thai = Words.of(Language.TH, BANGKOK);
        Words english = Words.of(Language.EN, BANGKOK);

        assertThat(thai.parseDate("26 พ.ย. 2569")).contains(day);
        assertThat(thai.parseDate("26/11/2569")).contains(day);
        assertThat(thai.parseDate("2026-11-26")).contains(day);
        assertThat(english.parseDate(" 2026-11-26 ")).contains(day);
        assertThat(english.parseDate("26/11/2569")).isEmpty();
        assertThat(thai.parseDate("31/2/2569")).isEmpty();
        assertThat(thai.parseDate("")).isEmpty();
    }

    @Test
    void countsAreGroupedByThousandsInBoth() {
        assertThat(Words.of(Language.TH, BANGKOK).number(1_829)).isEqualTo("1,829");
        assertThat(Words.of(Language.EN, BANGKOK).number(730_000)).isEqualTo("730,000");
    }
}
