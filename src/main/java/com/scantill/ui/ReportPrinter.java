package com.scantill.ui;

import com.scantill.reports.DailyReport;
import com.scantill.reports.ReportLayout;
import com.scantill.reports.ReportLine;
import com.scantill.words.TypeFace;
import com.scantill.words.Words;
import java.util.ArrayList;
import java.util.List;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.scene.transform.Scale;
import javafx.stage.Window;

/**
 * Prints the report with JavaFX printing on the printer the manager chooses: the same lines as the PDF, each piece
 * where the layout put it, in ScanTill Sans, every page scaled to the paper's printable width.
 */
final class ReportPrinter {

    private ReportPrinter() {
    }

    /** How a printing ended, for the manager to be told. */
    record Printed(Outcome outcome, int pages, String printerStatus) {

        enum Outcome { NO_PRINTER, CANCELLED, STOPPED, PRINTED }
    }

    /** Asks for a printer and prints. */
    static Printed print(DailyReport report, ReportLayout layout, Words words, Window owner) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return new Printed(Printed.Outcome.NO_PRINTER, 0, null);
        }
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return new Printed(Printed.Outcome.CANCELLED, 0, null);
        }
        PageLayout page = job.getJobSettings().getPageLayout();
        List<Node> pages = pages(report, layout, words, page.getPrintableWidth());
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
    static List<Node> pages(DailyReport report, ReportLayout layout, Words words, double printableWidth) {
        List<List<ReportLine>> lines = layout.pages(layout.lines(report, words));
        double scale = printableWidth / layout.textWidth();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Pane page = new Pane();
            place(page, layout.pageHeader(report, words, i + 1, lines.size()), layout, layout.headerBaseline() - layout.margin());
            List<ReportLine> onPage = lines.get(i);
            for (int index = 0; index < onPage.size(); index++) {
                place(page, onPage.get(index), layout, layout.lineBaseline(index) - layout.margin());
            }
            page.setPrefSize(layout.textWidth(), layout.pageHeight() - 2 * layout.margin());
            page.getTransforms().add(new Scale(scale, scale));
            nodes.add(page);
        }
        return nodes;
    }

    private static void place(Pane page, ReportLine line, ReportLayout layout, double baseline) {
        boolean bold = line.style() != ReportLine.Style.TEXT;
        Font font = Font.font(TypeFace.FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL,
                line.style().size(layout.fontSize()));
        for (ReportLine.Piece piece : line.pieces()) {
            Text text = new Text(piece.x(), baseline, piece.text());
            text.setBoundsType(TextBoundsType.LOGICAL);
            text.setFont(font);
            page.getChildren().add(text);
        }
    }
}
