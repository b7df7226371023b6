package com.scantill.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;

/**
 * The one-line message a screen shows, and what kind it is, so that only a problem is shown in red and a done
 * thing ("Saved.", "Added nok.") is not.
 */
final class Notice {

    enum Tone {
        /** Work under way, or something to know. */
        INFO,
        /** What was asked for was done. */
        DONE,
        /** Something went wrong or was refused. */
        PROBLEM
    }

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.INFO);

    void info(String message) {
        show(message, Tone.INFO);
    }

    void done(String message) {
        show(message, Tone.DONE);
    }

    void problem(String message) {
        show(message, Tone.PROBLEM);
    }

    void clear() {
        show("", Tone.INFO);
    }

    /** Clears a problem once the person has started on the next thing; other messages stay. */
    void clearProblem() {
        if (tone.get() == Tone.PROBLEM) {
            clear();
        }
    }

    private void show(String message, Tone kind) {
        tone.set(kind);
        text.set(message == null ? "" : message);
    }

    String text() {
        return text.get();
    }

    Tone tone() {
        return tone.get();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Keeps {@code node}'s style class ({@code notice-info}, {@code notice-done}, {@code notice-problem}) in step. */
    void styles(Node node) {
        tone.addListener((observable, before, now) -> style(node, now));
        style(node, tone.get());
    }

    private static void style(Node node, Tone kind) {
        node.getStyleClass().removeIf(style -> style.startsWith("notice-"));
        node.getStyleClass().add("notice-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}
