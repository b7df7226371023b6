package com.scantill.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Wrapped text that may hold amounts like {@code ฿1,500.00}. JavaFX 21 mislays a wrapped label's first line when
 * the text holds Thai script, and the baht sign is Thai script; set apart in a text flow, each amount is a short
 * run of its own and the lines wrap as they should. Style its words with {@code .money-text .text}.
 */
public final class MoneyText extends TextFlow {

    private static final Pattern AMOUNT = Pattern.compile("-?฿[0-9,]+(\\.[0-9]{2})?");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    public MoneyText() {
        getStyleClass().add("money-text");
        text.addListener((observable, before, now) -> getChildren().setAll(runs(now == null ? "" : now)));
    }

    private static List<Text> runs(String value) {
        List<Text> runs = new ArrayList<>();
        Matcher amount = AMOUNT.matcher(value);
        int from = 0;
        while (amount.find()) {
            if (amount.start() > from) {
                runs.add(run(value.substring(from, amount.start())));
            }
            runs.add(run(amount.group()));
            from = amount.end();
        }
        if (from < value.length()) {
            runs.add(run(value.substring(from)));
        }
        return runs;
    }

    private static Text run(String words) {
        Text run = new Text(words);
        run.getStyleClass().add("text");
        return run;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }
}
