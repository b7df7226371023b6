package com.scantill.ui;

import com.scantill.words.TypeFace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/** Loads ScanTill Sans into JavaFX at start; after this, {@link TypeFace#FAMILY} names it in CSS. */
final class Fonts {

    private Fonts() {
    }

    static void load() {
        for (TypeFace face : TypeFace.values()) {
            try (InputStream in = face.open()) {
                if (Font.loadFont(in, 15) == null) {
                    throw new IllegalStateException("The font " + face.resource() + " could not be loaded");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
