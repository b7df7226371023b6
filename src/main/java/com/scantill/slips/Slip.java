package com.scantill.slips;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One slip as printed: its picture at the paper's dot width, the name the log gives it, and its words line by line
 * as drawn (a label and its value two spaces apart), to read without the picture.
 */
public record Slip(String name, BufferedImage image, List<String> text) {

    public Slip {
        text = List.copyOf(text);
    }

    /** A pen for {@code paper}, wiped white: black ink, text anti-aliased and set with fractional widths, as measured. */
    public static Graphics2D pen(BufferedImage paper) {
        Graphics2D g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Paper for a slip: grey levels, made black and white as they are sent. */
    public static BufferedImage paper(int dots, int height) {
        return new BufferedImage(dots, height, BufferedImage.TYPE_BYTE_GRAY);
    }

    /** What goes to the printer: a reset, the picture, then feed and cut. */
    public byte[] escPos() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(EscPos.initialize());
        out.writeBytes(EscPos.raster(image));
        out.writeBytes(EscPos.feedAndCut());
        return out.toByteArray();
    }
}
