package io.autoscale.chat.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The benchmark's figures side by side: Kafka alone, the whole pipeline, and the memory it took.
 *
 * @param raw                 Kafka alone
 * @param pipeline            the whole pipeline replaying a day of trace
 * @param replayed            what the pipeline replayed, for the table's heading
 * @param peakRssAfterRaw     peak resident memory of this process after the raw benchmark
 * @param peakRssAfterRun     peak resident memory of this process after the pipeline's run
 * @param heapMaxBytes        the JVM's maximum heap
 */
record BenchReport(RawKafkaBenchmark.Result raw, PipelineFigures pipeline, String replayed,
        OptionalLong peakRssAfterRaw, OptionalLong peakRssAfterRun, long heapMaxBytes) {

    private static final String RULE = "=".repeat(78);
    private static final double MIB = 1024 * 1024;
    private static final String TABLE = "%-22s %12s %12s %8s";

    /** Pipeline requests per second over raw produced records per second. */
    double pipelineToRawRatio() {
        return pipeline.requestsPerSecond() / raw.produceRecordsPerSecond();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add("Benchmark: one embedded KRaft broker, 3 partitions, the services' client settings");
        lines.add(RULE);
        lines.add(String.format(Locale.ROOT, TABLE, "", "records", "per second", "MB/s"));
        lines.add(row("Kafka alone: produce", raw.records(), raw.produceRecordsPerSecond(),
                raw.produceMegabytesPerSecond()));
        lines.add(row("Kafka alone: consume", raw.consumed(), raw.consumeRecordsPerSecond(),
                raw.consumeMegabytesPerSecond()));
        lines.add(String.format(Locale.ROOT, TABLE, "Pipeline, end to end", count(pipeline.requests()),
                count(Math.round(pipeline.requestsPerSecond())), "-"));
        lines.add("");
        lines.add(String.format(Locale.ROOT,
                "   Record size: %d bytes (8-byte key, %d-byte JSON request), lz4 on the wire",
                raw.recordBytes(), raw.recordBytes() - Long.BYTES));
        lines.add(String.format(Locale.ROOT, "   Kafka alone: produce %.1f s, consume %.1f s",
                raw.produceNs() / 1e9, raw.consumeNs() / 1e9));
        lines.add(String.format(Locale.ROOT, "   Pipeline: %s", replayed));
        lines.add(String.format(Locale.ROOT, "   Pipeline: %,d of %,d requests accounted for in %.1f s of wall time"
                + " (%.1f s for the whole command)", pipeline.requests(), pipeline.requestsProduced(),
                pipeline.wallSeconds(), pipeline.commandWallSeconds()));
        lines.add(String.format(Locale.ROOT, "   Time compression: %,.0f s of event time in %.1f s: %,.0fx real time",
                pipeline.durationSeconds(), pipeline.wallSeconds(), pipeline.compression()));
        lines.add(String.format(Locale.ROOT, "   Pipeline / Kafka alone (produce): %.2f", pipelineToRawRatio()));
        lines.add(String.format(Locale.ROOT, "   Peak RSS of this JVM (broker included): %s after Kafka alone,"
                + " %s after the pipeline; max heap %.0f MiB", mib(peakRssAfterRaw), mib(peakRssAfterRun),
                heapMaxBytes / MIB));
        lines.add(RULE);
        return lines;
    }

    private static String row(String name, long records, double perSecond, double megabytesPerSecond) {
        return String.format(Locale.ROOT, TABLE, name, count(records), count(Math.round(perSecond)),
                String.format(Locale.ROOT, "%.1f", megabytesPerSecond));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f MiB", bytes.getAsLong() / MIB) : "unknown";
    }
}
