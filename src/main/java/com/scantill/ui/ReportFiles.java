package com.scantill.ui;

import com.scantill.model.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Saves reports into the data folder's {@code reports}, readable by the till's user only, off the FX thread; then
 * says where they went, or why they did not.
 */
final class ReportFiles {

    /** One file and what writes it. */
    record Output(Path file, Consumer<OutputStream> writer) {
    }

    private final Path folder;
    private final BackgroundExecutor background;
    private final Notice message;
    private final CashierMessages words;

    ReportFiles(Path dataFolder, BackgroundExecutor background, Notice message, CashierMessages words) {
        this.folder = dataFolder.resolve("reports");
        this.background = background;
        this.message = message;
        this.words = words;
    }

    Path file(String name) {
        return folder.resolve(name);
    }

    void save(List<Output> outputs) {
        background.run(() -> {
            OwnerOnly.folder(folder);
            for (Output output : outputs) {
                try (OutputStream out = Files.newOutputStream(output.file())) {
                    output.writer().accept(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                OwnerOnly.file(output.file());
            }
            return outputs.stream().map(output -> output.file().toString()).toList();
        }, saved -> message.done(words.text("report.saved", String.join(words.text("report.savedAnd"), saved))),
                failure -> message.problem(words.text("report.notSaved", failure.getMessage())));
    }
}
