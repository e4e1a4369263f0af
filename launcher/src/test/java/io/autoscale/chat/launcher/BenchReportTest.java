package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final long MIB = 1024 * 1024;

    private final RawKafkaBenchmark.Result raw = new RawKafkaBenchmark.Result(2_000_000, 2_000_000, 81,
            10_000_000_000L, 2_000_000_000L);
    private final PipelineFigures pipeline = new PipelineFigures(5_527_437, 5_527_437, 50.0, 86_400.0, 58.2);
    private final BenchReport report = new BenchReport(raw, pipeline, "day 1 of week.txt.gz",
            OptionalLong.of(600 * MIB), OptionalLong.of(1_500 * MIB), 4_096 * MIB);

    @Test
    void computesRatesCompressionAndTheRatio() {
        assertThat(raw.produceRecordsPerSecond()).isEqualTo(200_000.0);
        assertThat(raw.produceMegabytesPerSecond()).isEqualTo(16.2);
        assertThat(raw.consumeRecordsPerSecond()).isEqualTo(1_000_000.0);
        assertThat(pipeline.requestsPerSecond()).isEqualTo(110_548.74);
        assertThat(pipeline.compression()).isEqualTo(1_728.0);
        assertThat(report.pipelineToRawRatio()).isCloseTo(0.5527437, within(1e-12));
    }

    @Test
    void printsEveryFigureInOneTable() {
        assertThat(report.lines()).contains(
                "                            records   per second     MB/s",
                "Kafka alone: produce      2,000,000      200,000     16.2",
                "Kafka alone: consume      2,000,000    1,000,000     81.0",
                "Pipeline, end to end      5,527,437      110,549        -",
                "   Record size: 81 bytes (8-byte key, 73-byte JSON request), lz4 on the wire",
                "   Kafka alone: produce 10.0 s, consume 2.0 s",
                "   Pipeline: day 1 of week.txt.gz",
                "   Pipeline: 5,527,437 of 5,527,437 requests accounted for in 50.0 s of wall time"
                        + " (58.2 s for the whole command)",
                "   Time compression: 86,400 s of event time in 50.0 s: 1,728x real time",
                "   Pipeline / Kafka alone (produce): 0.55",
                "   Peak RSS of this JVM (broker included): 600 MiB after Kafka alone, 1500 MiB after the pipeline;"
                        + " max heap 4096 MiB");
    }

    @Test
    void saysWhenTheResidentMemoryIsUnknown() {
        BenchReport elsewhere = new BenchReport(raw, pipeline, "day 1", OptionalLong.empty(), OptionalLong.empty(),
                512 * MIB);

        assertThat(elsewhere.lines()).anyMatch(line -> line.contains("unknown after Kafka alone, unknown after"));
    }
}
