package com.scantill.words;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The faces of ScanTill Sans, the one font the till writes with on the screen, on paper and in PDFs (Noto Sans and
 * Noto Sans Thai in one face, SIL OFL; see {@code /com/scantill/fonts/OFL.txt}), shipped in the application so that
 * Thai, English, digits and ฿ look the same on any machine.
 */
public enum TypeFace {
    REGULAR("/com/scantill/fonts/ScanTillSans-Regular.ttf"),
    BOLD("/com/scantill/fonts/ScanTillSans-Bold.ttf");

    public static final String FAMILY = "ScanTill Sans";

    private final String resource;
    private Font awtFont;

    TypeFace(String resource) {
        this.resource = resource;
    }

    /** Where the face lies on the class path, as {@link Class#getResourceAsStream} reads it. */
    public String resource() {
        return resource;
    }

    public InputStream open() {
        InputStream in = TypeFace.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The font " + resource + " is missing from the application");
        }
        return in;
    }

    /** The face for Java2D, at one point; derive the size wanted. */
    public synchronized Font awt() {
        if (awtFont == null) {
            try (InputStream in = open()) {
                awtFont = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("The font " + resource + " is damaged", e);
            }
        }
        return awtFont;
    }
}
