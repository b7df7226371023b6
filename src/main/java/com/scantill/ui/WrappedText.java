package com.scantill.ui;

import com.scantill.words.Language;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Wrapped text in Thai or English: every message a person reads in more than one line. It breaks its lines itself,
 * one {@link Text} a line, because JavaFX 21 lays out wrapped Thai wrongly (a line mislaid or shown twice, and a
 * zero-width space garbles the marks around it), and because Thai writes no spaces between words: a line breaks at a
 * space, or between two Thai words as Java's Thai dictionary finds them, never inside a word or an amount. Style its
 * words with {@code .wrapped-text .text}.
 */
public final class WrappedText extends Region {

    private static final Pattern UNBREAKABLE = Pattern.compile("-?฿[0-9,]+(\\.[0-9]{2})?");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    /** Measures with the font the lines have, once styles are applied. */
    private final Text probe = line("");
    /** The lines last broken, with what they were broken from: asked for by the height, then by the layout. */
    private List<String> broken = List.of();
    private String brokenText;
    private double brokenWidth = -1;
    private Font brokenFont;
    /** The lines the children now show. */
    private List<String> shown = List.of();

    public WrappedText() {
        getStyleClass().add("wrapped-text");
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().add(probe);
        text.addListener((observable, before, now) -> requestLayout());
    }

    /**
     * The lines {@code text} takes at {@code width}: broken at spaces and at boundaries between Thai words, never
     * inside a word or an amount, unless one alone is wider than the line.
     */
    static List<String> lines(String text, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String piece : pieces(paragraph)) {
                if (line.length() > 0 && measure.applyAsDouble((line + piece).stripTrailing()) > width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    piece = piece.stripLeading();
                }
                line.append(piece);
                while (line.length() > 1 && measure.applyAsDouble(line.toString().stripTrailing()) > width) {
                    int cut = lastFitting(line.toString(), width, measure);
                    lines.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The paragraph in the pieces a line may break between: words with their spaces, and amounts whole. */
    private static List<String> pieces(String paragraph) {
        List<String> pieces = new ArrayList<>();
        BreakIterator words = BreakIterator.getLineInstance(Language.TH.locale());
        words.setText(paragraph);
        Matcher amounts = UNBREAKABLE.matcher(paragraph);
        List<int[]> whole = new ArrayList<>();
        while (amounts.find()) {
            whole.add(new int[] {amounts.start(), amounts.end()});
        }
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            if (inside(whole, end)) {
                continue;
            }
            pieces.add(paragraph.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static boolean inside(List<int[]> ranges, int at) {
        return ranges.stream().anyMatch(range -> at > range[0] && at < range[1]);
    }

    /** Where to cut a piece longer than the line: after the last whole character that fits, at least one. */
    private static int lastFitting(String text, double width, ToDoubleFunction<String> measure) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Language.TH.locale());
        characters.setText(text);
        int fits = characters.next();
        for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
            if (measure.applyAsDouble(text.substring(0, end)) > width) {
                break;
            }
            fits = end;
        }
        return fits;
    }

    private double measure(String words) {
        probe.setText(words);
        return probe.getLayoutBounds().getWidth();
    }

    private double lineHeight() {
        probe.setText("Ág");
        return probe.getLayoutBounds().getHeight();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double widest = 0;
        for (String paragraph : getText().split("\n", -1)) {
            widest = Math.max(widest, measure(paragraph));
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.min(measure("MMMMMM"), computePrefWidth(height)) + snappedRightInset();
    }

    /** The lines at {@code inner} width, broken again only when the text, the width or the font changed. */
    private List<String> linesAt(double inner) {
        if (!getText().equals(brokenText) || inner != brokenWidth || !probe.getFont().equals(brokenFont)) {
            brokenText = getText();
            brokenWidth = inner;
            brokenFont = probe.getFont();
            broken = getText().isEmpty() ? List.of() : lines(getText(), inner, this::measure);
        }
        return broken;
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? Double.MAX_VALUE : width - snappedLeftInset() - snappedRightInset();
        int count = Math.max(1, linesAt(inner).size());
        return snappedTopInset() + count * lineHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        List<String> lines = linesAt(getWidth() - snappedLeftInset() - snappedRightInset());
        if (lines == shown) {
            return;
        }
        shown = lines;
        double height = lineHeight();
        List<Text> texts = new ArrayList<>();
        double y = snappedTopInset();
        for (String words : lines) {
            Text line = line(words);
            line.setTextOrigin(VPos.TOP);
            line.relocate(snappedLeftInset(), y);
            texts.add(line);
            y += height;
        }
        getChildren().setAll(probe);
        getChildren().addAll(texts);
    }

    private static Text line(String words) {
        Text line = new Text(words);
        line.getStyleClass().add("text");
        line.setManaged(false);
        return line;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get() == null ? "" : text.get();
    }

    public void setText(String value) {
        text.set(value);
    }
}
