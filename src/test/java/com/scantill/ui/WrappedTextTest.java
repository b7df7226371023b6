package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.words.Language;
import com.scantill.words.Words;
import java.text.BreakIterator;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Lines break at spaces and between Thai words, never inside a word or an amount, and lose nothing. */
class WrappedTextTest {

    /** One unit a character, but none for the marks above and below Thai letters, as a font draws them. */
    private static final ToDoubleFunction<String> WIDTH = text -> text.codePoints()
            .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();

    @Test
    void aThaiSentenceBreaksOnlyBetweenWordsAndLosesNothing() {
        String sentence = "เงินใน WeChat Pay ของลูกค้าไม่พอ ขอให้ชำระด้วยวิธีอื่น";

        List<String> lines = WrappedText.lines(sentence, 12, WIDTH);

        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(sentence.replace(" ", ""));
        assertThat(lines).allSatisfy(line -> assertThat(WIDTH.applyAsDouble(line)).isLessThanOrEqualTo(12));
        Set<Integer> boundaries = boundaries(sentence);
        int at = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            at = sentence.indexOf(line, at) + line.length();
            int next = at;
            while (next < sentence.length() && sentence.charAt(next) == ' ') {
                next++;
            }
            assertThat(boundaries).as("a break after \"%s\"", line).contains(next);
        }
    }

    @Test
    void everyThaiMessageWrapsAtAWorkingWidthWithNoLineStartingWithAMark() {
        ResourceBundle thai = Words.bundle(Language.TH);
        for (String key : thai.keySet()) {
            String text = thai.getString(key);
            List<String> lines = WrappedText.lines(text, 30, WIDTH);
            assertThat(String.join("", lines).replace(" ", "")).as(key).isEqualTo(text.replace(" ", ""));
            assertThat(lines).as(key).allSatisfy(line -> assertThat(line.isEmpty()
                    || Character.getType(line.codePointAt(0)) != Character.NON_SPACING_MARK).isTrue());
        }
    }

    @Test
    void anAmountIsNeverSplitAndAWordLongerThanTheLineIsCutByCharacters() {
        assertThat(WrappedText.lines("Refund ฿150,000.00 now", 14, WIDTH)).containsExactly("Refund", "฿150,000.00", "now");
        assertThat(WrappedText.lines("chrg_test_1747hc3klsnem4524rr", 10, WIDTH))
                .containsExactly("chrg_test_", "1747hc3kls", "nem4524rr");
    }

    private static Set<Integer> boundaries(String text) {
        BreakIterator lines = BreakIterator.getLineInstance(Language.TH.locale());
        lines.setText(text);
        Set<Integer> found = new HashSet<>();
        for (int end = lines.first(); end != BreakIterator.DONE; end = lines.next()) {
            found.add(end);
        }
        return found;
    }
}
