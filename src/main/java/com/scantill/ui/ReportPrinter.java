package com.scantill.ui;

import com.scantill.reports.DailyReport;
import com.scantill.reports.ReportLayout;
import com.scantill.reports.ReportLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.stage.Window;

/**
 * Prints the report with JavaFX printing on the printer the manager chooses: the same pages as the PDF, each scaled
 * to the paper's printable width.
 */
final class ReportPrinter {

    private static final Font MONO = loadFont("/com/scantill/reports/fonts/ArundinaSansMono.ttf");

    private ReportPrinter() {
    }

    /** How a printing ended, for the manager to be told. */
    record Printed(Outcome outcome, int pages, String printerStatus) {

        enum Outcome { NO_PRINTER, CANCELLED, STOPPED, PRINTED }
    }

    /** Asks for a printer and prints. */
    static Printed print(DailyReport report, ReportLayout layout, Window owner) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return new Printed(Printed.Outcome.NO_PRINTER, 0, null);
        }
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return new Printed(Printed.Outcome.CANCELLED, 0, null);
        }
        PageLayout page = job.getJobSettings().getPageLayout();
        List<Node> pages = pages(report, layout, page.getPrintableWidth());
        for (Node node : pages) {
            if (!job.printPage(page, node)) {
                job.cancelJob();
                return new Printed(Printed.Outcome.STOPPED, 0, String.valueOf(job.getJobStatus()));
            }
        }
        job.endJob();
        return new Printed(Printed.Outcome.PRINTED, pages.size(), null);
    }

    /** One node a page, as wide as {@code printableWidth}. */
    static List<Node> pages(DailyReport report, ReportLayout layout, double printableWidth) {
        List<List<ReportLine>> lines = layout.pages(layout.lines(report));
        double naturalWidth = layout.pageWidth() - 2 * layout.margin();
        double scale = printableWidth / naturalWidth;
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            VBox page = new VBox();
            page.getChildren().add(text(layout.pageHeader(report, i + 1, lines.size()), layout, false));
            page.getChildren().add(text(" ", layout, false));
            for (ReportLine line : lines.get(i)) {
                page.getChildren().add(text(line.text(), layout, line.style() != ReportLine.Style.TEXT));
            }
            page.getTransforms().add(new Scale(scale, scale));
            nodes.add(page);
        }
        return nodes;
    }

    private static Text text(String content, ReportLayout layout, boolean bold) {
        Text text = new Text(content.isEmpty() ? " " : content);
        text.setFont(bold ? Font.font(MONO.getFamily(), FontWeight.BOLD, layout.fontSize()) : Font.font(MONO.getFamily(), layout.fontSize()));
        return text;
    }

    private static Font loadFont(String resource) {
        try (InputStream in = ReportPrinter.class.getResourceAsStream(resource)) {
            Font font = Font.loadFont(in, 10);
            return font == null ? Font.font("Monospaced", 10) : font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
