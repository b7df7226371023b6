package com.scantill.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.PaymentCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The wedge's promises over random counters: a scanner reading codes (and other barcodes) at scanner speed, chunked,
 * with pauses inside a read, a cashier typing in between, and the till's FX thread stalling so that keys arrive
 * bunched together. Times are exact: nothing here waits. Seeds are fixed; {@code -Djqwik.tries.default=60000} runs a
 * longer search.
 *
 * <p>What is promised, for pauses and stalls no longer than the settings' longest pause: scanner input never
 * reaches a field; a person's keystroke is typed, in order, exactly once, or refused with a message, never
 * silently lost; only payment codes the scanner sent are dispatched (a part of a read may be, for the dispatcher
 * to turn down with a message); and a clean read, or a person typing with nothing else near, is never refused.
 *
 * <p>What timing cannot tell: a keystroke that lands inside a scanner's burst, within the scanner's own gap on both
 * sides, looks like part of the read. Added to a WeChat Pay code it makes a read too long to be one; added to another
 * barcode one digit shorter than a payment code it could make one (Alipay codes run from 16 to 24 digits), so the
 * counter's other barcodes are never 15 to 23 digits long.
 */
class WedgeDecoderProperties {

    private static final long MS = 1_000_000L;
    private static final WedgeSettings SETTINGS = WedgeSettings.defaults();
    private static final long MAX_GAP = SETTINGS.maxGap().toNanos();
    private static final long MAX_PAUSE = SETTINGS.maxPause().toNanos();
    private static final int PERSON = -1;

    enum Kind { CHAR, ENTER, OTHER }

    record Key(long at, Kind kind, char c, int source, int seq) {
        Key handledAt(long time) {
            return new Key(time, kind, c, source, seq);
        }
    }

    record Read(String text, List<Key> keys) {
    }

    /** One random counter session: the keys in the order the FX thread handles them, and the reads sent. */
    record Session(List<Key> keys, List<Read> reads) {
    }

    @Property(seed = "20261126")
    void scannerInputNeverReachesAFieldAndNoKeystrokeIsLostOrMadeUp(@ForAll @LongRange(min = 1) long seed) {
        Session session = session(new Random(seed));
        Assume.that(pausesWithinTolerance(session));
        Outcome outcome = run(session);

        assertThat(outcome.delivered).as("what reached a field").allMatch(key -> key.source() == PERSON || key.kind() != Kind.CHAR);

        List<Integer> personKeys = session.keys().stream().filter(k -> k.source() == PERSON).map(Key::seq).toList();
        List<Integer> accounted = outcome.decided.stream().filter(k -> k.source() == PERSON).map(Key::seq).toList();
        assertThat(accounted).as("each keystroke decided once").containsExactlyInAnyOrderElementsOf(personKeys);
        List<Integer> personDelivered = outcome.delivered.stream().filter(k -> k.source() == PERSON).map(Key::seq).toList();
        if (!personDelivered.isEmpty()) {
            assertThat(personKeys).as("what was typed reached the till in order").containsSubsequence(personDelivered);
        }
        // A person's Enter taken as a terminator either stood in for the scanner's own, which then went on in its
        // place, or went with a refusal that told the cashier.
        assertThat(outcome.personEntersTaken).as("a person's Enter swallowed silently")
                .isLessThanOrEqualTo(outcome.scannerEntersPassedOn + outcome.messages());

        for (List<Key> scan : outcome.scans) {
            if (!PaymentCode.isValid(text(scan))) {
                continue;
            }
            int source = scan.get(0).source();
            assertThat(source).as("a scan made of someone's typing").isNotEqualTo(PERSON);
            List<Integer> sent = session.reads().get(source).keys().stream().filter(k -> k.kind() == Kind.CHAR).map(Key::seq).toList();
            assertThat(scan).extracting(Key::seq).as("a payment code dispatched is exactly one read the scanner sent")
                    .containsExactlyElementsOf(sent);
        }
    }

    @Property(seed = "20261127")
    void aCleanReadIsAlwaysAScanAndLoneTypingIsAlwaysTyped(@ForAll @LongRange(min = 1) long seed) {
        Session session = session(new Random(seed));
        Assume.that(pausesWithinTolerance(session));
        Outcome outcome = run(session);
        List<Key> keys = session.keys();

        for (Read read : session.reads()) {
            if (isClean(read, keys) && PaymentCode.isValid(read.text())) {
                assertThat(outcome.scanTexts()).as("clean read %s", read.text()).contains(read.text());
            }
        }
        for (List<Key> cluster : clusters(keys)) {
            boolean lonePerson = cluster.stream().allMatch(k -> k.source() == PERSON);
            boolean spaced = true;
            for (int i = 1; i < cluster.size(); i++) {
                spaced &= cluster.get(i).at() - cluster.get(i - 1).at() > MAX_GAP;
            }
            if (lonePerson && spaced) {
                assertThat(outcome.delivered).as("lone typing").containsAll(cluster);
            }
        }
    }

    // --- the counter ---

    private static Session session(Random random) {
        List<Key> keys = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        int seq = 0;
        long horizon = 4_000 * MS;

        long t = random.nextInt(300) * MS;
        while (t < horizon) {
            String text = random.nextInt(4) == 0 ? otherBarcode(random) : wechatCode(random);
            List<Key> readKeys = new ArrayList<>();
            int pauses = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i <= text.length(); i++) {
                if (pauses > 0 && random.nextInt(text.length() + 1) < 2) {
                    t += MAX_GAP + MS + random.nextLong(MAX_PAUSE - MAX_GAP - 30 * MS);
                    pauses--;
                } else if (i > 0) {
                    t += random.nextInt(4) == 0 ? 0 : (1 + random.nextInt(20)) * MS;
                }
                Key key = i < text.length() ? new Key(t, Kind.CHAR, text.charAt(i), reads.size(), seq++)
                        : new Key(t, Kind.ENTER, '\r', reads.size(), seq++);
                readKeys.add(key);
            }
            reads.add(new Read(text, readKeys));
            keys.addAll(readKeys);
            t += (50 + random.nextInt(1_500)) * MS;
        }

        t = random.nextInt(500) * MS;
        while (t < horizon) {
            int what = random.nextInt(20);
            Kind kind = what == 0 ? Kind.ENTER : what == 1 ? Kind.OTHER : Kind.CHAR;
            keys.add(new Key(t, kind, kind == Kind.CHAR ? "0123456789.".charAt(random.nextInt(11)) : '\0', PERSON, seq++));
            t += (80 + random.nextInt(random.nextInt(5) == 0 ? 1_000 : 250)) * MS;
        }

        keys.sort(Comparator.comparingLong(Key::at).thenComparingInt(Key::seq));
        return new Session(stalled(keys, random), reads);
    }

    /** The FX thread stalls now and then: every key that came meanwhile is handled at once when it wakes. */
    private static List<Key> stalled(List<Key> keys, Random random) {
        List<Key> handled = new ArrayList<>();
        long stallStart = random.nextInt(800) * MS;
        long stallEnd = stallStart + (20 + random.nextInt(100)) * MS;
        long clock = 0;
        for (Key key : keys) {
            while (key.at() > stallEnd) {
                stallStart = stallEnd + (200 + random.nextInt(1_500)) * MS;
                stallEnd = stallStart + (20 + random.nextInt(100)) * MS;
            }
            long at = key.at() >= stallStart ? stallEnd : key.at();
            clock = Math.max(clock + 1_000, at);
            handled.add(key.handledAt(clock));
        }
        return handled;
    }

    private static String wechatCode(Random random) {
        StringBuilder code = new StringBuilder().append('1').append(random.nextInt(6));
        while (code.length() < 18) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private static String otherBarcode(Random random) {
        // No length from 15 to 23: one keystroke more would make a length a payment code may have (see the class comment).
        int length = List.of(8, 12, 13, 14, 25 + random.nextInt(4), 30, 4 + random.nextInt(11)).get(random.nextInt(7));
        StringBuilder code = new StringBuilder();
        while (code.length() < length) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    /** Pauses and stalls inside a read, as the FX thread saw them, are no longer than the longest pause. */
    private static boolean pausesWithinTolerance(Session session) {
        for (int r = 0; r < session.reads().size(); r++) {
            int source = r;
            List<Key> handled = session.keys().stream().filter(k -> k.source() == source).toList();
            for (int i = 1; i < handled.size(); i++) {
                if (handled.get(i).at() - handled.get(i - 1).at() > MAX_PAUSE) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isClean(Read read, List<Key> keys) {
        List<Key> handled = keys.stream().filter(k -> k.source() == read.keys().get(0).source()).toList();
        for (int i = 1; i < handled.size(); i++) {
            if (handled.get(i).at() - handled.get(i - 1).at() > MAX_GAP) {
                return false;
            }
        }
        long first = handled.get(0).at();
        long last = handled.get(handled.size() - 1).at();
        return keys.stream().filter(k -> k.source() != handled.get(0).source())
                .noneMatch(k -> k.at() >= first - MAX_PAUSE - MS && k.at() <= last + MAX_PAUSE + MS);
    }

    private static List<List<Key>> clusters(List<Key> keys) {
        List<List<Key>> clusters = new ArrayList<>();
        List<Key> current = new ArrayList<>();
        for (Key key : keys) {
            if (!current.isEmpty() && key.at() - current.get(current.size() - 1).at() > MAX_PAUSE) {
                clusters.add(current);
                current = new ArrayList<>();
            }
            current.add(key);
        }
        if (!current.isEmpty()) {
            clusters.add(current);
        }
        return clusters;
    }

    // --- feeding the decoder as the wedge does ---

    private static final class Outcome implements WedgeDecoder.Output {
        /** What reached the till's fields and screens, in order: characters typed and other keys. */
        final List<Key> delivered = new ArrayList<>();
        /** Every key decided on, in the order it was decided. */
        final List<Key> decided = new ArrayList<>();
        final List<List<Key>> scans = new ArrayList<>();
        final Deque<Key> held = new ArrayDeque<>();
        Key incoming;
        int refusals;
        int personEntersTaken;
        int scannerEntersPassedOn;

        private List<Key> take(int count) {
            List<Key> taken = new ArrayList<>();
            while (taken.size() < count && !held.isEmpty()) {
                taken.add(held.removeFirst());
            }
            if (taken.size() < count && incoming != null) {
                taken.add(incoming);
                incoming = null;
            }
            assertThat(taken).as("the decoder decided on keys it was given").hasSize(count);
            decided.addAll(taken);
            return taken;
        }

        @Override
        public void scan(String text) {
            List<Key> taken = take(text.length());
            assertThat(taken).allMatch(key -> key.kind() == Kind.CHAR);
            scans.add(taken);
        }

        @Override
        public void release(String text) {
            List<Key> taken = take(text.length());
            for (int i = 0; i < taken.size(); i++) {
                assertThat(taken.get(i).kind()).isEqualTo(Kind.CHAR);
                assertThat(taken.get(i).c()).isEqualTo(text.charAt(i));
            }
            delivered.addAll(taken);
        }

        @Override
        public void refuse(WedgeDecoder.Refusal why, int characters, int keys) {
            List<Key> taken = take(characters + keys);
            assertThat(taken.stream().filter(key -> key.kind() == Kind.CHAR).count()).isEqualTo(characters);
            refusals++;
        }

        Runnable goOn(Key key) {
            return () -> {
                assertThat(held.peekFirst()).as("a key that waited goes on in its place").isEqualTo(key);
                decided.add(held.removeFirst());
                delivered.add(key);
            };
        }

        /** Refusals, and scans the dispatcher turns down as not a payment code: each shows the cashier a message. */
        int messages() {
            return refusals + (int) scanTexts().stream().filter(text -> !PaymentCode.isValid(text)).count();
        }

        List<String> scanTexts() {
            return scans.stream().map(WedgeDecoderProperties::text).toList();
        }
    }

    private static String text(List<Key> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach(key -> text.append(key.c()));
        return text.toString();
    }

    private static Outcome run(Session session) {
        Outcome outcome = new Outcome();
        WedgeDecoder decoder = new WedgeDecoder(SETTINGS, outcome);
        long lastKey = Long.MIN_VALUE;
        for (Key key : session.keys()) {
            if (lastKey != Long.MIN_VALUE && key.at() - lastKey > MAX_PAUSE) {
                decoder.idle(lastKey + MAX_PAUSE + MS);
            }
            lastKey = key.at();
            if (key.kind() == Kind.CHAR) {
                outcome.incoming = key;
                decoder.character(key.c(), key.at());
                if (outcome.incoming != null) {
                    outcome.held.addLast(key);
                    outcome.incoming = null;
                }
                continue;
            }
            WedgeDecoder.KeyFate fate = decoder.key(key.kind() == Kind.ENTER ? WedgeDecoder.Key.ENTER : WedgeDecoder.Key.OTHER,
                    key.at(), outcome.goOn(key));
            switch (fate) {
                case GOES_ON -> {
                    outcome.decided.add(key);
                    outcome.delivered.add(key);
                    if (key.source() != PERSON) {
                        outcome.scannerEntersPassedOn++;
                    }
                }
                case TAKEN -> {
                    outcome.decided.add(key);
                    if (key.source() == PERSON) {
                        outcome.personEntersTaken++;
                    }
                }
                case WAITS -> outcome.held.addLast(key);
            }
        }
        decoder.idle(lastKey + MAX_PAUSE + MS);
        assertThat(outcome.held).as("nothing left held").isEmpty();
        return outcome;
    }
}
