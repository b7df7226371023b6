package com.scantill.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with the controller it is given, so that controllers receive their models. */
final class Views {

    private Views() {
    }

    static Parent load(String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(Views.class.getResource(fxml));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + fxml + " could not be loaded", e);
        }
    }
}
