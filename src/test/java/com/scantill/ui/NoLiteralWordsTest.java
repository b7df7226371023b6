package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word a person reads comes from the bundles: none is written into a view or the UI's code. */
class NoLiteralWordsTest {

    private static final Path VIEWS = Path.of("src/main/resources/com/scantill/ui");
    /** The code that writes what people read: the screens, the reports, the slips, and the words themselves. */
    private static final List<Path> CODE = List.of(Path.of("src/main/java/com/scantill/ui"),
            Path.of("src/main/java/com/scantill/reports"), Path.of("src/main/java/com/scantill/slips"),
            Path.of("src/main/java/com/scantill/words"));
    private static final Pattern VIEW_TEXT = Pattern.compile("(?:text|promptText)=\"([^\"]*)\"");
    /** A string literal that reads as words: a capital, a lower-case letter, and a space or full stop later on. */
    private static final Pattern SENTENCE = Pattern.compile("\"([A-Z][a-z][^\"]*[ .][^\"]*)\"");
    /** Literals that are not read by a person as words of the till, each with why. */
    private static final Set<String> NOT_WORDS = Set.of(
            "ScanTill Sans", // a font's name
            "ScanTill — "); // the product's name before the mode, in the window's title

    @Test
    void everyTextOfAViewIsABundleKey() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> views = Files.list(VIEWS)) {
            for (Path view : views.filter(file -> file.toString().endsWith(".fxml")).toList()) {
                Matcher text = VIEW_TEXT.matcher(Files.readString(view));
                while (text.find()) {
                    if (!text.group(1).startsWith("%view.")) {
                        found.add(view.getFileName() + ": " + text.group(1));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCodeWritesNoWordsOfItsOwn() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path folder : CODE) {
            try (Stream<Path> sources = Files.list(folder)) {
                for (Path source : sources.toList()) {
                    found.addAll(wordsWrittenIn(source));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<String> wordsWrittenIn(Path source) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(source)) {
            String code = line.strip();
            if (code.startsWith("*") || code.startsWith("/") || code.contains("log.")) {
                continue;
            }
            Matcher literal = SENTENCE.matcher(code);
            while (literal.find()) {
                if (!NOT_WORDS.contains(literal.group(1)) && !code.contains("Exception(")) {
                    found.add(source.getFileName() + ": " + literal.group(1));
                }
            }
        }
        return found;
    }
}
