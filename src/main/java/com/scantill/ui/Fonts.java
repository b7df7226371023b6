package com.scantill.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/**
 * The till's own font, ScanTill Sans (Noto Sans and Noto Sans Thai in one face, SIL OFL; see {@code fonts/OFL.txt}):
 * loaded at start, so that Thai, English, digits and ฿ look the same on any machine, with or without Thai fonts.
 */
final class Fonts {

    static final String FAMILY = "ScanTill Sans";
    private static final String[] FILES = {"fonts/ScanTillSans-Regular.ttf", "fonts/ScanTillSans-Bold.ttf"};

    private Fonts() {
    }

    /** Loads the font's faces; after this, {@link #FAMILY} names them in CSS. */
    static void load() {
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                if (in == null || Font.loadFont(in, 15) == null) {
                    throw new IllegalStateException("The font " + file + " could not be loaded");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
