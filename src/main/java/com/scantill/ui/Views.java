package com.scantill.ui;

import com.scantill.words.Words;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.layout.Region;

/**
 * Loads an FXML view with the controller it is given, so that controllers receive their models, its {@code %view.…}
 * texts following the language of the moment.
 */
final class Views {

    private Views() {
    }

    static Parent load(String fxml, Object controller, ObservableValue<Words> words) {
        FXMLLoader loader = new FXMLLoader(Views.class.getResource(fxml), ViewTexts.marking());
        loader.setController(controller);
        try {
            Parent view = loader.load();
            ViewTexts.follow(view, words);
            keepButtonsWhole(view);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + fxml + " could not be loaded", e);
        }
    }

    /** A button never shows half its label: it keeps the width its label needs, and its row wraps instead. */
    private static void keepButtonsWhole(Node node) {
        if (node instanceof ButtonBase button) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(Views::keepButtonsWhole);
        }
    }
}
