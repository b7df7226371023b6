package com.scantill.slips;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/** One slip as printed: its picture at the paper's dot width, and the name the log gives it. */
public record Slip(String name, BufferedImage image) {

    /** What goes to the printer: a reset, the picture, then feed and cut. */
    public byte[] escPos() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(EscPos.initialize());
        out.writeBytes(EscPos.raster(image));
        out.writeBytes(EscPos.feedAndCut());
        return out.toByteArray();
    }
}
