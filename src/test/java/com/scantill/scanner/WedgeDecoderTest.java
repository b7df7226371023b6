package com.scantill.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wedge's decisions with exact keystroke times. */
class WedgeDecoderTest {

    private static final long MS = 1_000_000L;

    private final List<String> scans = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    private long now = 1_000 * MS;

    private WedgeDecoder decoder(WedgeSettings settings) {
        return new WedgeDecoder(settings, new WedgeDecoder.Output() {
            @Override
            public void scan(String text) {
                scans.add(text);
            }

            @Override
            public void release(String text) {
                released.add(text);
            }
        });
    }

    private void type(WedgeDecoder decoder, String text, long gapMillis) {
        for (char c : text.toCharArray()) {
            now += gapMillis * MS;
            decoder.character(c, now);
        }
    }

    private boolean enter(WedgeDecoder decoder, long afterMillis) {
        now += afterMillis * MS;
        return decoder.terminator(WedgeSettings.Terminator.ENTER, now);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 5, 20, 50})
    void aBurstAtScannerSpeedEndingInEnterIsAScan(long gapMillis) {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "130991292552725093", gapMillis);

        assertThat(enter(decoder, gapMillis)).isTrue();
        assertThat(scans).containsExactly("130991292552725093");
        assertThat(released).isEmpty();
    }

    @Test
    void noCharacterIsDroppedOrReorderedAtOneMillisecondEach() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());
        String[] codes = {"130991292552725093", "101234567890123456", "159999999999999990"};

        for (String code : codes) {
            type(decoder, code, 1);
            enter(decoder, 1);
        }

        assertThat(scans).containsExactly(codes);
    }

    @Test
    void aPersonTypingIsGivenBackInOrder() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        for (char c : "1500.00".toCharArray()) {
            now += 120 * MS;
            decoder.character(c, now);
            decoder.idle(now + 60 * MS);
        }

        assertThat(String.join("", released)).isEqualTo("1500.00");
        assertThat(enter(decoder, 300)).isFalse();
        assertThat(scans).isEmpty();
    }

    @Test
    void aShortBurstOrASlowEnterIsNotAScan() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "1234", 2);
        assertThat(enter(decoder, 2)).isFalse();
        type(decoder, "130991292552725093", 2);
        assertThat(enter(decoder, 200)).isFalse();

        assertThat(scans).isEmpty();
        assertThat(released).containsExactly("1234", "130991292552725093");
    }

    @Test
    void aPersonsKeyJustBeforeAScanIsGivenBackAndTheScanStillCounts() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "7", 0);
        now += 100 * MS;
        type(decoder, "130991292552725093", 2);

        assertThat(enter(decoder, 2)).isTrue();
        assertThat(released).containsExactly("7");
        assertThat(scans).containsExactly("130991292552725093");
    }

    @Test
    void aTabTerminatedScannerWorksWhenConfigured() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults().withTerminator(WedgeSettings.Terminator.TAB, ""));

        type(decoder, "130991292552725093", 3);
        now += 3 * MS;

        assertThat(decoder.terminator(WedgeSettings.Terminator.ENTER, now)).isFalse();
        type(decoder, "130991292552725093", 3);
        now += 3 * MS;
        assertThat(decoder.terminator(WedgeSettings.Terminator.TAB, now)).isTrue();
        assertThat(scans).containsExactly("130991292552725093");
    }

    @Test
    void aConfiguredSuffixEndsAScanAndIsRemoved() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults().withTerminator(WedgeSettings.Terminator.SUFFIX, "##"));

        type(decoder, "130991292552725093##", 4);

        assertThat(scans).containsExactly("130991292552725093");
        assertThat(decoder.isHolding()).isFalse();
    }

    @Test
    void aConfiguredPrefixIsRequiredAndRemoved() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults().withPrefix("]Q"));

        type(decoder, "]Q130991292552725093", 2);
        assertThat(enter(decoder, 2)).isTrue();
        type(decoder, "130991292552725093", 2);
        assertThat(enter(decoder, 2)).isFalse();

        assertThat(scans).containsExactly("130991292552725093");
        assertThat(released).containsExactly("130991292552725093");
    }

    @Test
    void anotherKeyGivesBackWhatIsHeldFirst() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "15", 10);
        decoder.otherKey();

        assertThat(released).containsExactly("15");
        assertThat(decoder.isHolding()).isFalse();
    }
}
