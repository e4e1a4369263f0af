package io.autoscale.chat.launcher;

import io.autoscale.chat.producer.TraceFormatException;
import io.autoscale.chat.producer.TraceReader;
import io.autoscale.chat.producer.TraceSlice;
import io.autoscale.chat.producer.TraceSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code autoscale-chat bench}: on one embedded broker, how fast Kafka alone moves records shaped
 * like chat requests, how fast the whole pipeline replays a day of real trace, and the memory
 * that took, side by side.
 */
@Command(name = "bench",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Starts one embedded Kafka broker and measures, in one run: Kafka alone (produce then consume "
                    + "--records records the size of a chat request, with the services' producer settings, "
                    + "to a topic of --partitions partitions); the whole pipeline replaying one day of a trace "
                    + "at --speed max through `autoscale-chat run`; and the peak resident memory of this JVM.",
            ""},
        footer = {"", "Exit codes: 0 figures printed, 1 a measurement failed, 2 bad option or file."})
public final class BenchCommand implements Callable<Integer> {

    static final long SECONDS_PER_DAY = 86_400;
    private static final int PARTITIONS = 3;

    @Option(names = "--records", paramLabel = "N", defaultValue = "2000000",
            description = "Records Kafka alone produces and consumes (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--trace", paramLabel = "FILE", defaultValue = "../shared/traces/twitter-2021-08-days01-07.txt.gz",
            description = "Trace whose day the pipeline replays (default: ${DEFAULT-VALUE}).")
    Path trace;

    @Option(names = "--day", paramLabel = "D", defaultValue = "1",
            description = "Day of the trace to replay, from 0: seconds D*86,400 to (D+1)*86,400 - 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    int day;

    private final PrintStream out;

    public BenchCommand() {
        this(System.out);
    }

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Path logFile = logFile();
        if (records < 1) {
            throw new IllegalArgumentException("--records must be at least 1, got " + records);
        }
        if (day < 0) {
            throw new IllegalArgumentException("--day must be 0 or more, got " + day);
        }
        TraceSlice slice = new TraceSlice(day * SECONDS_PER_DAY, (day + 1) * SECONDS_PER_DAY,
                day + "d", (day + 1) + "d");
        TraceSummary summary = validDay(slice);

        long startNs = System.nanoTime();
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(1)) {
            out.printf(Locale.ROOT, "🛰️  Kafka: embedded KRaft broker at %s (up in %.1f s); logs: %s%n",
                    cluster.bootstrapServers(), (System.nanoTime() - startNs) / 1e9, logFile);

            out.printf(Locale.ROOT, "⏱️  Kafka alone: %,d records...%n", records);
            RawKafkaBenchmark raw = new RawKafkaBenchmark(cluster.bootstrapServers(), "bench-raw.requests",
                    PARTITIONS, records);
            RawKafkaBenchmark.Result rawResult = raw.run();
            if (rawResult.consumed() != rawResult.records()) {
                throw new IllegalStateException("Kafka alone: consumed " + rawResult.consumed() + " of "
                        + rawResult.records() + " records");
            }
            OptionalLong peakAfterRaw = Rss.peakBytes();

            String replayed = String.format(Locale.ROOT, "day %d of %s (seconds %,d to %,d: %,d requests)", day,
                    trace, slice.fromSeconds(), slice.toSeconds() - 1, summary.requests());
            out.println("⏱️  Pipeline: " + replayed + "...");
            PipelineFigures pipeline = runPipeline(slice, cluster.bootstrapServers(), logFile);

            BenchReport report = new BenchReport(rawResult, pipeline, replayed, peakAfterRaw, Rss.peakBytes(),
                    Runtime.getRuntime().maxMemory());
            out.println();
            report.lines().forEach(out::println);
            return 0;
        }
    }

    private TraceSummary validDay(TraceSlice slice) {
        try {
            return TraceReader.validate(trace, slice);
        } catch (TraceFormatException e) {
            throw new IllegalArgumentException("--trace: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--day " + day + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code autoscale-chat run} in this process on the same broker: the pipeline exactly as a
     * user runs it. The day goes to a temporary plain trace file, because {@code run} replays whole files.
     */
    private PipelineFigures runPipeline(TraceSlice slice, String bootstrapServers, Path logFile) throws IOException {
        Path dayFile = Files.createTempFile("autoscale-chat-bench-day" + day + "-", ".txt");
        Path reportFile = Files.createTempFile("autoscale-chat-bench-report-", ".json");
        try {
            TraceSliceFile.write(trace, slice, dayFile);
            long startNs = System.nanoTime();
            int exitCode = Main.commandLine(logFile).execute("run", "--trace", dayFile.toString(), "--speed", "max",
                    "--report", reportFile.toString(), "--bootstrap-servers", bootstrapServers,
                    "--topic-prefix", "bench-" + System.currentTimeMillis() + ".");
            double commandWallSeconds = (System.nanoTime() - startNs) / 1e9;
            if (exitCode != 0) {
                throw new IllegalStateException("the pipeline's run failed with exit code " + exitCode
                        + "; see " + logFile);
            }
            return PipelineFigures.fromReport(reportFile, commandWallSeconds);
        } finally {
            Files.deleteIfExists(dayFile);
            Files.deleteIfExists(reportFile);
        }
    }

    /**
     * The log file {@link Main} configured; when called otherwise, one of its own, chosen before the
     * first logger exists.
     */
    private static Path logFile() {
        String configured = System.getProperty(LogFile.PROPERTY);
        return configured != null ? Path.of(configured) : LogFile.configure();
    }
}
