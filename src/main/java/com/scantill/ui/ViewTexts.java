package com.scantill.ui;

import com.scantill.words.Language;
import com.scantill.words.Words;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;

/**
 * The FXML views' own texts ({@code %view.…}) in the language of the moment: a view is loaded with each such text
 * marked by its key, and each marked text is then bound to the words of the current language, so that a change of
 * language reaches every label and button at once without loading the view again.
 */
final class ViewTexts {

    /** Begins a text that is still its key: a character no translation starts with. */
    private static final char MARK = '\u2063';

    private ViewTexts() {
    }

    /** The bundle FXML loads with: every text is its own key, marked. */
    static ResourceBundle marking() {
        ResourceBundle keys = Words.bundle(Language.EN);
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return keys.containsKey(key) ? MARK + key : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(keys.keySet());
            }
        };
    }

    /** Binds every marked text under {@code root} to {@code words}. */
    static void follow(Node root, ObservableValue<Words> words) {
        if (root instanceof Labeled labeled) {
            bind(labeled.textProperty(), words);
        }
        if (root instanceof TextInputControl input) {
            bind(input.promptTextProperty(), words);
        }
        if (root instanceof WrappedText wrapped) {
            bind(wrapped.textProperty(), words);
        }
        if (root instanceof ScrollPane scroll && scroll.getContent() != null) {
            follow(scroll.getContent(), words);
        }
        if (root instanceof TabPane tabs) {
            // A tab is no node, and its content is not among the pane's children until it is first shown.
            for (Tab tab : tabs.getTabs()) {
                bind(tab.textProperty(), words);
                if (tab.getContent() != null) {
                    follow(tab.getContent(), words);
                }
            }
        }
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> follow(child, words));
        }
    }

    private static void bind(StringProperty text, ObservableValue<Words> words) {
        String marked = text.get();
        if (marked != null && !marked.isEmpty() && marked.charAt(0) == MARK) {
            String key = marked.substring(1);
            text.bind(Bindings.createStringBinding(() -> words.getValue().bundle().getString(key), words));
        }
    }
}
