package com.scantill.ui;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Wrapped text in Thai or English that may hold amounts like {@code ฿1,500.00}: every message a person reads in more
 * than one line. Two things a plain wrapped label gets wrong are set right here. JavaFX 21 mislays a wrapped label's
 * first line when the text holds Thai script (the baht sign is Thai script too): in a text flow, each amount is a run
 * of its own and the lines wrap as they should. And Thai writes no spaces between words: a zero-width space is put at
 * each word boundary that Java's Thai dictionary finds, so that a line breaks between words, never inside one. Style
 * its words with {@code .wrapped-text .text}.
 */
public final class WrappedText extends TextFlow {

    private static final Pattern AMOUNT = Pattern.compile("-?฿[0-9,]+(\\.[0-9]{2})?");
    private static final char WORD_BREAK = '\u200B';
    private static final BreakIterator THAI_WORDS = BreakIterator.getWordInstance(Language.TH.locale());

    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    public WrappedText() {
        getStyleClass().add("wrapped-text");
        text.addListener((observable, before, now) -> getChildren().setAll(runs(now == null ? "" : now)));
    }

    private static List<Text> runs(String value) {
        List<Text> runs = new ArrayList<>();
        Matcher amount = AMOUNT.matcher(value);
        int from = 0;
        while (amount.find()) {
            if (amount.start() > from) {
                runs.add(run(breakable(value.substring(from, amount.start()))));
            }
            runs.add(run(amount.group()));
            from = amount.end();
        }
        if (from < value.length()) {
            runs.add(run(breakable(value.substring(from))));
        }
        return runs;
    }

    /** {@code words} with a zero-width space at each boundary between two Thai words. */
    static String breakable(String words) {
        StringBuilder out = new StringBuilder(words.length() + 16);
        synchronized (THAI_WORDS) {
            THAI_WORDS.setText(words);
            int start = THAI_WORDS.first();
            for (int end = THAI_WORDS.next(); end != BreakIterator.DONE; start = end, end = THAI_WORDS.next()) {
                out.append(words, start, end);
                if (end < words.length() && isThai(words.charAt(end - 1)) && isThai(words.charAt(end))
                        && Character.getType(words.charAt(end)) != Character.NON_SPACING_MARK) {
                    out.append(WORD_BREAK);
                }
            }
        }
        return out.toString();
    }

    private static boolean isThai(char c) {
        return c >= '\u0E01' && c <= '\u0E5B';
    }

    private static Text run(String words) {
        Text run = new Text(words);
        run.getStyleClass().add("text");
        return run;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The text as given, without the word breaks put in for wrapping. */
    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }
}
