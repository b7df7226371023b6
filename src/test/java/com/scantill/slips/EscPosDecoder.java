package com.scantill.slips;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads ESC/POS as a printer does, for the commands ScanTill sends: the pictures come back as images. */
public final class EscPosDecoder {

    public sealed interface Command permits Initialize, Raster, Cut, StatusRequest {
    }

    public record Initialize() implements Command {
    }

    /** One GS v 0 band: black dots are black pixels. */
    public record Raster(BufferedImage image) implements Command {
    }

    public record Cut(int mode, int feed) implements Command {
    }

    public record StatusRequest(int n) implements Command {
    }

    private EscPosDecoder() {
    }

    static List<Command> decode(byte[] bytes) throws IOException {
        List<Command> commands = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(bytes);
        for (Command command = next(in); command != null; command = next(in)) {
            commands.add(command);
        }
        return commands;
    }

    /** The next command, or {@code null} at the end of the stream; anything else is an error. */
    static Command next(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int second = read(in);
        if (first == 0x1B && second == '@') {
            return new Initialize();
        }
        if (first == 0x10 && second == 0x04) {
            return new StatusRequest(read(in));
        }
        if (first == 0x1D && second == 'V') {
            return new Cut(read(in), read(in));
        }
        if (first == 0x1D && second == 'v' && read(in) == '0') {
            read(in);
            int bytesPerRow = read(in) | read(in) << 8;
            int rows = read(in) | read(in) << 8;
            BufferedImage image = new BufferedImage(bytesPerRow * 8, rows, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < rows; y++) {
                for (int column = 0; column < bytesPerRow; column++) {
                    int dots = read(in);
                    for (int bit = 0; bit < 8; bit++) {
                        image.getRaster().setSample(column * 8 + bit, y, 0, (dots & 0x80 >> bit) != 0 ? 0 : 255);
                    }
                }
            }
            return new Raster(image);
        }
        throw new IOException(String.format("Not a command ScanTill sends: %02x %02x", first, second));
    }

    /** The bands of a job put back together, top to bottom. */
    public static BufferedImage picture(List<Command> job) {
        List<BufferedImage> bands = job.stream().filter(Raster.class::isInstance).map(command -> ((Raster) command).image()).toList();
        int width = bands.get(0).getWidth();
        BufferedImage whole = new BufferedImage(width, bands.stream().mapToInt(BufferedImage::getHeight).sum(),
                BufferedImage.TYPE_BYTE_GRAY);
        int top = 0;
        for (BufferedImage band : bands) {
            whole.getGraphics().drawImage(band, 0, top, null);
            top += band.getHeight();
        }
        return whole;
    }

    /** Dots that differ between what the printer got and the slip's picture made black and white as it is sent. */
    public static int differingDots(BufferedImage printed, BufferedImage slip) {
        int width = Math.min(printed.getWidth(), slip.getWidth());
        int height = Math.min(printed.getHeight(), slip.getHeight());
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean sent = slip.getRaster().getSample(x, y, 0) < 128;
                boolean got = printed.getRaster().getSample(x, y, 0) < 128;
                if (sent != got) {
                    differing++;
                }
            }
        }
        return differing + slip.getWidth() * slip.getHeight() - width * height;
    }

    private static int read(InputStream in) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException("A command was cut short");
        }
        return value;
    }
}
