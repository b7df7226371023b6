package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Thai wraps between words, never inside one; English and amounts are left as they are. */
class WrappedTextTest {

    private static final char WORD_BREAK = '\u200B';

    @Test
    void aThaiSentenceMayBreakOnlyBetweenTheWordsJavasThaiDictionaryFinds() {
        String sentence = "เงินใน WeChat Pay ของลูกค้าไม่พอ ขอให้ชำระด้วยวิธีอื่น";

        String breakable = WrappedText.breakable(sentence);

        assertThat(breakable.replace(String.valueOf(WORD_BREAK), "")).isEqualTo(sentence);
        assertThat(breakable).contains("ของ" + WORD_BREAK + "ลูกค้า").contains("ขอ" + WORD_BREAK + "ให้");
        assertThat(wordBoundaries(sentence)).containsAll(breaksIn(breakable));
    }

    @Test
    void noBreakFallsBeforeAVowelOrToneMarkInAnyThaiMessage() {
        ResourceBundle thai = Words.bundle(Language.TH);
        List<String> texts = thai.keySet().stream().map(thai::getString).sorted(Comparator.comparing(String::length).reversed()).toList();
        for (String text : texts) {
            String breakable = WrappedText.breakable(text);
            for (int i = 0; i < breakable.length() - 1; i++) {
                if (breakable.charAt(i) == WORD_BREAK) {
                    assertThat(Character.getType(breakable.charAt(i + 1))).as(text)
                            .isNotEqualTo((int) Character.NON_SPACING_MARK);
                }
            }
            assertThat(breakable.replace(String.valueOf(WORD_BREAK), "")).isEqualTo(text);
        }
        assertThat(WrappedText.breakable(texts.get(0))).as("the longest message can break").contains(String.valueOf(WORD_BREAK));
    }

    @Test
    void englishAndAmountsAreLeftWhole() {
        assertThat(WrappedText.breakable("Refunded ฿120.00, approved by Wanida.")).doesNotContain(String.valueOf(WORD_BREAK));
    }

    private static Set<Integer> wordBoundaries(String text) {
        BreakIterator words = BreakIterator.getWordInstance(Language.TH.locale());
        words.setText(text);
        Set<Integer> found = new HashSet<>();
        for (int end = words.first(); end != BreakIterator.DONE; end = words.next()) {
            found.add(end);
        }
        return found;
    }

    /** Where the breaks are, counted in the text without them. */
    private static Set<Integer> breaksIn(String breakable) {
        Set<Integer> found = new HashSet<>();
        int removed = 0;
        for (int i = 0; i < breakable.length(); i++) {
            if (breakable.charAt(i) == WORD_BREAK) {
                found.add(i - removed);
                removed++;
            }
        }
        return found;
    }
}
