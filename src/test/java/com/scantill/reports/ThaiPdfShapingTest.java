package com.scantill.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.reports.ReportLine.Piece;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The Thai in the report's PDF sits as Java2D shapes it: page 1 of a Thai report, rendered from the PDF by PDFBox,
 * against the same lines drawn by Java2D's shaped layout (TextLayout) at the same places. Ink in one with no ink near
 * it in the other is a displaced mark; the test fails on any blot of it. The same comparison, made against the glyphs
 * set one after the other without shaping (as PDFBox writes Thai), must find displaced marks, or it proves nothing.
 */
class ThaiPdfShapingTest {

    private static final float SCALE = 4f;
    /** How far apart (in pixels at {@link #SCALE}) two renderings of one glyph's edge may lie. */
    private static final int NEAR = 1;
    /** The most stray ink a page may have in one place: a few pixels, less than a displaced mark leaves. */
    private static final int LARGEST_ALLOWED_BLOT = 4;
    private static final Path PICTURES = Path.of("target", "thai-pdf");

    @Test
    void theThaiOfThePdfIsShapedAsJava2dShapesIt() throws Exception {
        ReportLayout layout = ReportLayout.A4;
        DailyReport report = thaiDay();
        Words thai = Words.of(Language.TH, DailyReports.BANGKOK);
        List<ReportLine> page = layout.pages(layout.lines(report, thai)).get(0);
        List<ReportLine> lines = new ArrayList<>(List.of(layout.pageHeader(report, thai, 1, 1)));
        lines.addAll(page);
        assertThat(String.join("\n", lines.stream().map(ReportLine::text).toList())).contains("ที่").contains("ญ")
                .contains("ปั้น").contains("ฐิ").contains("คืนเงิน").contains("ชำระ");

        BufferedImage pdf = renderedPdf(report, layout, thai);
        BufferedImage shaped = drawn(layout, lines, pdf.getWidth(), pdf.getHeight(), ThaiPdfShapingTest::shapedOutline);
        BufferedImage unshaped = drawn(layout, lines, pdf.getWidth(), pdf.getHeight(), ThaiPdfShapingTest::unshapedOutline);
        save(pdf, "pdf.png");
        save(shaped, "java2d-shaped.png");
        save(unshaped, "java2d-unshaped.png");

        assertThat(largestStrayBlot(unshaped, shaped)).as("marks set without shaping are found displaced")
                .isGreaterThan(LARGEST_ALLOWED_BLOT);
        assertThat(largestStrayBlot(pdf, shaped)).as("stray ink in the PDF against Java2D's shaped text (see %s)", PICTURES)
                .isLessThanOrEqualTo(LARGEST_ALLOWED_BLOT);
    }

    /** A day whose Thai has marks above and below, stacked marks, and letters that move them (ป ฝ ฟ ญ ฐ). */
    private static DailyReport thaiDay() {
        DailyReport day = ReportFixtures.dayOf(12);
        List<Sale> sales = new ArrayList<>(day.transactions());
        sales.set(1, sales.get(1).toBuilder().status(SaleStatus.FAILED).build());
        sales.set(2, sales.get(2).toBuilder().status(SaleStatus.EXPIRED).build());
        sales.set(3, sales.get(3).toBuilder().refundedAmount(5_000).build());
        sales.set(4, sales.get(4).toBuilder().status(SaleStatus.NOT_CREATED).build());
        Map<String, DailyReport.Count> failed = new LinkedHashMap<>();
        failed.put("insufficient_fund", new DailyReport.Count(1, 10_001));
        failed.put("payment_rejected", new DailyReport.Count(2, 20_000));
        return new DailyReport(day.day(), day.zone(), day.tillId(), day.printedAt(), "ญาณิศา ปั้นฝีมือ ฐิติพร ฟุ้งเฟื่อง",
                day.totals(), failed, List.of(), day.byOperator(), day.byHour(), sales, day.lateSuccesses(), day.refundsOwed(), null,
                List.of());
    }

    private static BufferedImage renderedPdf(DailyReport report, ReportLayout layout, Words words) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReportWriter.write(report, layout, words, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            return new PDFRenderer(document).renderImage(0, SCALE);
        }
    }

    private static BufferedImage drawn(ReportLayout layout, List<ReportLine> lines, int width, int height,
                                       BiFunction<String, Font, Shape> outline) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(SCALE, SCALE);
        for (int index = 0; index < lines.size(); index++) {
            ReportLine line = lines.get(index);
            float baseline = index == 0 ? layout.headerBaseline() : layout.lineBaseline(index - 1);
            Font font = TypeSetter.face(line.style()).awt().deriveFont(line.style().size(layout.fontSize()));
            for (Piece piece : line.pieces()) {
                if (!piece.text().isBlank()) {
                    Shape glyphs = outline.apply(piece.text(), font);
                    g.fill(AffineTransform.getTranslateInstance(layout.margin() + piece.x(), baseline).createTransformedShape(glyphs));
                }
            }
        }
        g.dispose();
        return image;
    }

    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, true, true);

    /** Java2D's own shaping: substitutions and mark positions from the font's tables. */
    private static Shape shapedOutline(String text, Font font) {
        return new TextLayout(text, font, FRACTIONAL).getOutline(null);
    }

    /** Each character's glyph set after the last by its advance, as a writer without shaping sets them. */
    private static Shape unshapedOutline(String text, Font font) {
        return font.createGlyphVector(FRACTIONAL, text).getOutline();
    }

    /** The size, in pixels, of the largest patch of ink in either image with no ink within {@link #NEAR} in the other. */
    static int largestStrayBlot(BufferedImage a, BufferedImage b) {
        boolean[][] inkA = ink(a);
        boolean[][] inkB = ink(b);
        return Math.max(largestBlot(stray(inkA, near(inkB))), largestBlot(stray(inkB, near(inkA))));
    }

    private static boolean[][] ink(BufferedImage image) {
        boolean[][] ink = new boolean[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                ink[y][x] = grey < 160;
            }
        }
        return ink;
    }

    /** Every pixel within {@link #NEAR} of ink: the ink grown by a square, a row pass then a column pass. */
    private static boolean[][] near(boolean[][] ink) {
        int height = ink.length;
        int width = ink[0].length;
        boolean[][] rows = new boolean[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int dx = -NEAR; dx <= NEAR && !rows[y][x]; dx++) {
                    rows[y][x] = x + dx >= 0 && x + dx < width && ink[y][x + dx];
                }
            }
        }
        boolean[][] grown = new boolean[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int dy = -NEAR; dy <= NEAR && !grown[y][x]; dy++) {
                    grown[y][x] = y + dy >= 0 && y + dy < height && rows[y + dy][x];
                }
            }
        }
        return grown;
    }

    private static boolean[][] stray(boolean[][] ink, boolean[][] nearOther) {
        boolean[][] stray = new boolean[ink.length][ink[0].length];
        for (int y = 0; y < ink.length; y++) {
            for (int x = 0; x < ink[0].length; x++) {
                stray[y][x] = ink[y][x] && !nearOther[y][x];
            }
        }
        return stray;
    }

    private static int largestBlot(boolean[][] stray) {
        int largest = 0;
        boolean[][] seen = new boolean[stray.length][stray[0].length];
        Deque<int[]> todo = new ArrayDeque<>();
        for (int y = 0; y < stray.length; y++) {
            for (int x = 0; x < stray[0].length; x++) {
                if (!stray[y][x] || seen[y][x]) {
                    continue;
                }
                int size = 0;
                seen[y][x] = true;
                todo.push(new int[] {y, x});
                while (!todo.isEmpty()) {
                    int[] at = todo.pop();
                    size++;
                    for (int[] step : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                        int ny = at[0] + step[0];
                        int nx = at[1] + step[1];
                        if (ny >= 0 && ny < stray.length && nx >= 0 && nx < stray[0].length && stray[ny][nx] && !seen[ny][nx]) {
                            seen[ny][nx] = true;
                            todo.push(new int[] {ny, nx});
                        }
                    }
                }
                largest = Math.max(largest, size);
            }
        }
        return largest;
    }

    private static void save(BufferedImage image, String name) throws Exception {
        Files.createDirectories(PICTURES);
        ImageIO.write(image, "png", PICTURES.resolve(name).toFile());
    }
}
