package io.autoscale.chat.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.autoscale.chat.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The report as pretty-printed JSON with camelCase field names, in a file or a string. */
public final class ReportJson {

    private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter();

    private ReportJson() {
    }

    public static String toJson(Report report) {
        try {
            return WRITER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the report to {@code file}, replacing it.
     *
     * @throws UncheckedIOException naming the file and the reason when it cannot be written
     */
    public static void write(Report report, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            WRITER.writeValue(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report to " + file.toAbsolutePath() + ": "
                    + reason(e), e);
        }
    }

    /**
     * Reads a report written by {@link #write}, to compare runs.
     *
     * @throws UncheckedIOException naming the file and the reason when it cannot be read
     */
    public static Report read(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a JSON report from " + file.toAbsolutePath() + ": "
                    + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
