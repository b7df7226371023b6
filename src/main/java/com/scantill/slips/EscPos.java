package com.scantill.slips;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/**
 * The few ESC/POS commands a slip needs, as bytes: reset, a raster image, feed and cut, and the real-time status
 * requests. Thai goes as an image, shaped by Java2D, so that it prints the same on every printer whatever code pages
 * it holds.
 */
public final class EscPos {

    private static final byte ESC = 0x1B;
    private static final byte GS = 0x1D;
    private static final byte DLE = 0x10;
    private static final byte EOT = 0x04;
    /** GS v 0 takes at most this many rows at once on common printers (TM-T82, Xprinter); taller images go in bands. */
    static final int BAND_ROWS = 256;

    private EscPos() {
    }

    /** ESC @: the printer back to its defaults, whatever a previous job left. */
    public static byte[] initialize() {
        return new byte[] {ESC, '@'};
    }

    /**
     * GS v 0: {@code picture} printed dot for dot, a dark pixel a black dot, in bands of {@link #BAND_ROWS} rows. The
     * width is rounded up to whole bytes with white.
     */
    public static byte[] raster(BufferedImage picture) {
        BufferedImage image = grey(picture);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bytesPerRow = (image.getWidth() + 7) / 8;
        for (int top = 0; top < image.getHeight(); top += BAND_ROWS) {
            int rows = Math.min(BAND_ROWS, image.getHeight() - top);
            out.writeBytes(new byte[] {GS, 'v', '0', 0, (byte) (bytesPerRow & 0xFF), (byte) (bytesPerRow >> 8),
                (byte) (rows & 0xFF), (byte) (rows >> 8)});
            for (int y = top; y < top + rows; y++) {
                for (int column = 0; column < bytesPerRow; column++) {
                    int dots = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        int x = column * 8 + bit;
                        if (x < image.getWidth() && image.getRaster().getSample(x, y, 0) < 128) {
                            dots |= 0x80 >> bit;
                        }
                    }
                    out.write(dots);
                }
            }
        }
        return out.toByteArray();
    }

    /** GS V 66: feeds the slip past the cutter and cuts it, leaving a little paper. */
    public static byte[] feedAndCut() {
        return new byte[] {GS, 'V', 66, 3};
    }

    /** DLE EOT n: asks for one real-time status byte; see {@link PrinterStatus#read}. */
    public static byte[] statusRequest(PrinterStatus.Query query) {
        return new byte[] {DLE, EOT, (byte) query.n()};
    }

    /** The picture in grey levels as they are stored, so that "dark" is one level for every kind of image. */
    private static BufferedImage grey(BufferedImage picture) {
        if (picture.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return picture;
        }
        BufferedImage grey = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return grey;
    }
}
