package com.scantill.reports;

/** One line of a laid-out report: its text, already padded to the layout's width, and how it is set. */
public record ReportLine(Style style, String text) {

    public enum Style {
        TITLE,
        HEADING,
        TEXT
    }

    static ReportLine title(String text) {
        return new ReportLine(Style.TITLE, text);
    }

    static ReportLine heading(String text) {
        return new ReportLine(Style.HEADING, text);
    }

    static ReportLine text(String text) {
        return new ReportLine(Style.TEXT, text);
    }
}
