package io.autoscale.chat.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.autoscale.chat.metrics.Report;
import io.autoscale.chat.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Several policies' reports on the same traffic, side by side: a row per policy, a column per
 * measure, the best value of each column marked with {@code *}. Every measure is in event time, so
 * the same comparison run twice gives the same table.
 */
final class Comparison {

    /** Which end of a column is best. */
    enum Best {
        LOWEST, CLOSEST_TO_ZERO
    }

    /**
     * One column.
     *
     * @param header   the console header
     * @param key      the camelCase name in JSON and CSV
     * @param decimals digits after the point on the console
     * @param best     which value is best
     * @param value    the measure, from a report
     */
    record Measure(String header, String key, int decimals, Best best, ToDoubleFunction<Report> value) {
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("cost server-h", "serverHours", 3, Best.LOWEST, Report::serverHours),
            new Measure("SLO viol. %", "sloViolationPercent", 2, Best.LOWEST, Report::sloViolationPercent),
            new Measure("mean ms", "averageResponseTimeMs", 1, Best.LOWEST, Report::averageResponseTimeMs),
            new Measure("p95 ms", "p95ResponseTimeMs", 1, Best.LOWEST, Report::p95ResponseTimeMs),
            new Measure("p99 ms", "p99ResponseTimeMs", 1, Best.LOWEST, Report::p99ResponseTimeMs),
            new Measure("under acc. %", "underProvisioningAccuracy", 2, Best.LOWEST,
                    Report::underProvisioningAccuracy),
            new Measure("over acc. %", "overProvisioningAccuracy", 2, Best.LOWEST, Report::overProvisioningAccuracy),
            new Measure("under time %", "underProvisioningTimeshare", 2, Best.LOWEST,
                    Report::underProvisioningTimeshare),
            new Measure("over time %", "overProvisioningTimeshare", 2, Best.LOWEST,
                    Report::overProvisioningTimeshare),
            new Measure("instab. %", "instability", 2, Best.LOWEST, Report::instability),
            new Measure("jitter /h", "jitterPerHour", 1, Best.CLOSEST_TO_ZERO, Report::jitterPerHour),
            new Measure("actions", "scalingActions", 0, Best.LOWEST, report -> report.scalingActions()));

    /**
     * One policy's result.
     *
     * @param policy      the policy's name
     * @param description its settings in one line
     * @param report      its full report
     */
    record Row(String policy, String description, Report report) {
    }

    private final List<Row> rows;

    Comparison(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one policy");
        }
        this.rows = List.copyOf(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** Whether {@code row}'s value is the best of {@code measure}'s column; ties are all best. */
    boolean isBest(Row row, Measure measure) {
        double best = rows.stream().mapToDouble(other -> score(other, measure)).min().orElseThrow();
        return score(row, measure) == best;
    }

    private static double score(Row row, Measure measure) {
        double value = rounded(measure.value().applyAsDouble(row.report()), measure.decimals());
        return measure.best() == Best.CLOSEST_TO_ZERO ? Math.abs(value) : value;
    }

    /** Values are compared as shown, so that two values printed alike are both best or neither. */
    private static double rounded(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The console table. */
    String render() {
        int nameWidth = Math.max("policy".length(), rows.stream().mapToInt(row -> row.policy().length()).max()
                .orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", "policy"));
        for (Measure measure : MEASURES) {
            out.append("  ").append(String.format(Locale.ROOT, "%" + width(measure) + "s", measure.header()));
        }
        out.append('\n');
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", row.policy()));
            for (Measure measure : MEASURES) {
                String cell = format(measure.value().applyAsDouble(row.report()), measure.decimals())
                        + (isBest(row, measure) ? "*" : " ");
                out.append("  ").append(String.format(Locale.ROOT, "%" + width(measure) + "s", cell));
            }
            out.append('\n');
        }
        out.append("* best in its column (lowest; jitter: closest to 0)\n");
        return out.toString();
    }

    private static int width(Measure measure) {
        return Math.max(measure.header().length(), 9);
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** The table as CSV: a header line, then a line per policy, plain numbers, no marks. */
    String csv() {
        StringBuilder out = new StringBuilder("policy");
        MEASURES.forEach(measure -> out.append(',').append(measure.key()));
        out.append(",totalRequests,requestsProduced\n");
        for (Row row : rows) {
            out.append(row.policy());
            for (Measure measure : MEASURES) {
                out.append(',').append(plain(measure.value().applyAsDouble(row.report())));
            }
            out.append(',').append(row.report().totalRequests()).append(',').append(row.report().requestsProduced())
                    .append('\n');
        }
        return out.toString();
    }

    /** The table as JSON: per policy its measures, the columns where it is best, and its full report. */
    String json() {
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> measures = new LinkedHashMap<>();
            List<String> best = new ArrayList<>();
            for (Measure measure : MEASURES) {
                double value = measure.value().applyAsDouble(row.report());
                measures.put(measure.key(), measure.decimals() == 0 ? (Object) Math.round(value) : (Object) value);
                if (isBest(row, measure)) {
                    best.add(measure.key());
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("policy", row.policy());
            entry.put("description", row.description());
            entry.put("measures", measures);
            entry.put("bestIn", best);
            entry.put("report", row.report());
            policies.add(entry);
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("policies", policies));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the JSON to {@code jsonFile} and the CSV next to it, with the extension {@code .csv}. */
    Path write(Path jsonFile) {
        Path csvFile = csvFileOf(jsonFile);
        try {
            Files.writeString(jsonFile, json(), StandardCharsets.UTF_8);
            Files.writeString(csvFile, csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison to " + jsonFile.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        return csvFile;
    }

    static Path csvFileOf(Path jsonFile) {
        String name = jsonFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return jsonFile.resolveSibling(stem + ".csv");
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
