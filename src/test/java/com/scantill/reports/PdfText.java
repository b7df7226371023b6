package com.scantill.reports;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A PDF's text as a reader's copy and search get it, line by line: Poppler's {@code pdftotext -layout}, which reads
 * the text as written (ActualText) where a PDF gives it. PDFBox's text stripper does not, and orders Thai marks by
 * where their glyphs sit. {@code .ci/run} installs Poppler ({@code poppler-utils}).
 */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("report", ".pdf");
        try {
            Files.write(file, pdf);
            Process process;
            try {
                process = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            } catch (IOException e) {
                return fail("pdftotext is not installed: apt-get install poppler-utils (.ci/run does)", e);
            }
            byte[] text = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return fail("pdftotext failed: " + new String(text, StandardCharsets.UTF_8));
            }
            return new String(text, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
