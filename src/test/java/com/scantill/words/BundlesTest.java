package com.scantill.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Thai and English words say the same things: the same keys, each with the same placeholders, none left empty. */
class BundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Set<String> keys(Language language) {
        return new TreeSet<>(Collections.list(Words.bundle(language).getKeys()));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(keys(Language.TH)).isNotEmpty().containsExactlyElementsOf(keys(Language.EN));
    }

    @Test
    void eachTextHasTheSamePlaceholdersInBothLanguagesAndIsAValidPattern() {
        ResourceBundle thai = Words.bundle(Language.TH);
        ResourceBundle english = Words.bundle(Language.EN);
        for (String key : keys(Language.EN)) {
            String en = english.getString(key);
            String th = thai.getString(key);
            assertThat(en).as(key).isNotBlank();
            assertThat(th).as(key).isNotBlank();
            assertThat(placeholders(th)).as(key).isEqualTo(placeholders(en));
            if (key.startsWith("view.")) {
                // FXML shows these as they are.
                assertThat(placeholders(en)).as(key).isEmpty();
                continue;
            }
            for (String pattern : new String[] {en, th}) {
                // A lone quote starts a quoted run in MessageFormat and swallows the placeholders after it.
                assertThat(pattern.replace("''", "")).as(key + " writes a quote as ''").doesNotContain("'");
                Object[] values = new Object[10];
                for (int i = 0; i < values.length; i++) {
                    values[i] = "<" + i + ">";
                }
                String filled = new MessageFormat(pattern).format(values);
                assertThat(placeholders(pattern)).as(key).allSatisfy(index -> assertThat(filled).contains("<" + index + ">"));
            }
        }
    }

    @Test
    void theThaiTextIsThai() {
        assertThat(Words.of(Language.TH, ZoneOffset.UTC).get("status.SUCCESSFUL")).isEqualTo("ชำระแล้ว");
        assertThat(Words.of(Language.EN, ZoneOffset.UTC).get("amount.scan")).isEqualTo("Scan the customer's payment code.");
    }
}
