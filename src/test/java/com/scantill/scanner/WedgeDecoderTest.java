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
    private final List<WedgeDecoder.Refusal> refused = new ArrayList<>();
    private final List<String> keysGoneOn = new ArrayList<>();
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

            @Override
            public void refuse(WedgeDecoder.Refusal why, int characters, int keys) {
                refused.add(why);
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
        return decoder.key(WedgeDecoder.Key.ENTER, now, () -> keysGoneOn.add("Enter after " + String.join("", released)))
                != WedgeDecoder.KeyFate.GOES_ON;
    }

    private void idle(WedgeDecoder decoder, long millis) {
        now += millis * MS;
        decoder.idle(now);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 5, 20, 50})
    void aBurstAtScannerSpeedEndingInEnterIsAScan(long gapMillis) {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "130991292552725093", gapMillis);

        assertThat(enter(decoder, gapMillis)).isTrue();
        assertThat(scans).as("not until the longest pause has passed").isEmpty();
        idle(decoder, 150);
        assertThat(scans).containsExactly("130991292552725093");
        assertThat(released).isEmpty();
    }

    @Test
    void noCharacterIsDroppedOrReorderedAtOneMillisecondEach() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());
        String[] codes = {"130991292552725093", "101234567890123456", "159999999999999990"};

        for (String code : codes) {
            now += 300 * MS;
            type(decoder, code, 1);
            enter(decoder, 1);
        }
        idle(decoder, 150);

        assertThat(scans).containsExactly(codes);
    }

    @Test
    void aPersonTypingIsGivenBackInOrderOnceTheyPause() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "1500.00", 120);
        idle(decoder, 100);
        assertThat(released).as("not yet: a scan may pause this long").isEmpty();
        idle(decoder, 50);

        assertThat(released).containsExactly("1500.00");
        assertThat(enter(decoder, 300)).isFalse();
        assertThat(scans).isEmpty();
        assertThat(refused).isEmpty();
    }

    @Test
    void aPersonsEnterRightAfterTheirTypingWaitsWithItAndGoesOnAfterIt() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "4321", 110);

        assertThat(enter(decoder, 20)).as("held back, to go on after the PIN").isTrue();
        assertThat(released).isEmpty();
        idle(decoder, 130);
        assertThat(released).containsExactly("4321");
        assertThat(keysGoneOn).containsExactly("Enter after 4321");
    }

    @Test
    void aPersonsEnterDuringAPauseAfterAScansFirstDigitIsRefusedWithTheScan() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "1", 0);
        assertThat(enter(decoder, 40)).isTrue();
        type(decoder, "30991292552725093", 30);
        assertThat(enter(decoder, 2)).isTrue();

        assertThat(released).as("the scanner's 1 never reaches the field").isEmpty();
        assertThat(keysGoneOn).isEmpty();
        assertThat(refused).isNotEmpty();
        assertThat(scans).isEmpty();
    }

    @Test
    void aScanFollowedAtOnceByMoreOfTheBurstIsRefused() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "13099129255272509", 2);
        assertThat(enter(decoder, 2)).as("a cashier's Enter in the middle of the burst").isTrue();
        type(decoder, "3", 4);
        assertThat(enter(decoder, 2)).isTrue();
        idle(decoder, 150);

        assertThat(scans).isEmpty();
        assertThat(released).isEmpty();
        assertThat(refused).isNotEmpty();
    }

    @Test
    void aSecondEnterRightAfterAScanMeansItWasCutShort() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "130991292552725093", 2);
        assertThat(enter(decoder, 2)).isTrue();
        assertThat(enter(decoder, 30)).isTrue();
        idle(decoder, 150);

        assertThat(scans).isEmpty();
        assertThat(refused).containsExactly(WedgeDecoder.Refusal.INTERRUPTED);
    }

    @Test
    void aShortBurstEndingInEnterIsRefusedNotTyped() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "1234", 2);

        assertThat(enter(decoder, 2)).as("the Enter was the scanner's").isTrue();
        assertThat(released).isEmpty();
        assertThat(refused).containsExactly(WedgeDecoder.Refusal.INTERRUPTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 9, 17})
    void aScanPausedInsideIsRefusedAndNoneOfItIsTyped(int pausedAfter) {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());
        String code = "130991292552725093";

        type(decoder, code.substring(0, pausedAfter), 2);
        now += 120 * MS;
        decoder.idle(now);
        type(decoder, code.substring(pausedAfter), 2);

        assertThat(enter(decoder, 2)).isTrue();
        assertThat(scans).isEmpty();
        assertThat(released).isEmpty();
        assertThat(refused).hasSize(1);
    }

    @Test
    void aScanPausedBeforeItsEnterIsRefused() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "130991292552725093", 2);

        assertThat(enter(decoder, 120)).isTrue();
        assertThat(refused).containsExactly(WedgeDecoder.Refusal.INTERRUPTED);
        assertThat(released).isEmpty();
    }

    @Test
    void aBurstThatNeverEndsIsRefusedOnceItStops() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "130991292552725093", 2);
        idle(decoder, 150);

        assertThat(refused).containsExactly(WedgeDecoder.Refusal.INTERRUPTED);
        assertThat(released).isEmpty();
    }

    @Test
    void aPersonsKeyRightBeforeAScanIsRefusedWithTheScan() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "7", 0);
        now += 100 * MS;
        type(decoder, "130991292552725093", 2);

        assertThat(enter(decoder, 2)).isTrue();
        assertThat(refused).containsExactly(WedgeDecoder.Refusal.MIXED);
        assertThat(released).isEmpty();
        assertThat(scans).isEmpty();
    }

    @Test
    void aPersonsKeyLongerBeforeAScanIsTypedAndTheScanCounts() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "7", 0);
        now += 200 * MS;
        type(decoder, "130991292552725093", 2);

        assertThat(enter(decoder, 2)).isTrue();
        idle(decoder, 150);
        assertThat(released).containsExactly("7");
        assertThat(scans).containsExactly("130991292552725093");
    }

    @Test
    void aTabTerminatedScannerWorksWhenConfigured() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults().withTerminator(WedgeSettings.Terminator.TAB, ""));

        type(decoder, "130991292552725093", 3);
        now += 3 * MS;
        assertThat(decoder.key(WedgeDecoder.Key.ENTER, now, () -> keysGoneOn.add("Enter"))).isEqualTo(WedgeDecoder.KeyFate.GOES_ON);
        assertThat(refused).as("a fast run that ends in the wrong key").hasSize(1);

        now += 500 * MS;
        type(decoder, "130991292552725093", 3);
        now += 3 * MS;
        assertThat(decoder.key(WedgeDecoder.Key.TAB, now, () -> keysGoneOn.add("Tab"))).isEqualTo(WedgeDecoder.KeyFate.TAKEN);
        idle(decoder, 150);
        assertThat(scans).containsExactly("130991292552725093");
    }

    @Test
    void aConfiguredSuffixEndsAScanAndIsRemoved() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults().withTerminator(WedgeSettings.Terminator.SUFFIX, "##"));

        type(decoder, "130991292552725093##", 4);
        idle(decoder, 150);

        assertThat(scans).containsExactly("130991292552725093");
        assertThat(decoder.isHolding()).isFalse();
    }

    @Test
    void aConfiguredPrefixIsRequiredAndRemoved() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults().withPrefix("]Q"));

        type(decoder, "]Q130991292552725093", 2);
        assertThat(enter(decoder, 2)).isTrue();
        now += 300 * MS;
        type(decoder, "130991292552725093", 2);
        assertThat(enter(decoder, 2)).isTrue();

        assertThat(scans).containsExactly("130991292552725093");
        assertThat(refused).containsExactly(WedgeDecoder.Refusal.INTERRUPTED);
        assertThat(released).isEmpty();
    }

    @Test
    void anotherKeyWaitsForWhatAPersonTypedBeforeIt() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "15", 100);
        now += 30 * MS;
        assertThat(decoder.key(WedgeDecoder.Key.OTHER, now, () -> keysGoneOn.add("Backspace after " + String.join("", released))))
                .isEqualTo(WedgeDecoder.KeyFate.WAITS);
        idle(decoder, 120);

        assertThat(keysGoneOn).containsExactly("Backspace after 15");
        assertThat(decoder.isHolding()).isFalse();
    }

    @Test
    void anotherKeyAfterAFastBurstGoesOnAtOnceAndTheBurstIsRefused() {
        WedgeDecoder decoder = decoder(WedgeSettings.defaults());

        type(decoder, "130991", 2);
        now += 30 * MS;

        assertThat(decoder.key(WedgeDecoder.Key.OTHER, now, () -> keysGoneOn.add("Backspace"))).isEqualTo(WedgeDecoder.KeyFate.GOES_ON);
        assertThat(refused).containsExactly(WedgeDecoder.Refusal.INTERRUPTED);
        assertThat(released).isEmpty();
    }
}
