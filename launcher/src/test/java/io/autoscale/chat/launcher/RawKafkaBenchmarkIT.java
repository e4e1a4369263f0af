package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A small run of the raw benchmark on a real embedded broker. */
class RawKafkaBenchmarkIT {

    @Test
    void consumesExactlyTheRecordsItProduced() throws InterruptedException {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(1)) {
            RawKafkaBenchmark benchmark = new RawKafkaBenchmark(cluster.bootstrapServers(), "raw-smoke", 3, 10_000);

            RawKafkaBenchmark.Result result = benchmark.run();

            assertThat(result.records()).isEqualTo(10_000);
            assertThat(result.consumed()).isEqualTo(result.records());
            assertThat(result.recordBytes()).isEqualTo(81);
            assertThat(result.produceNs()).isPositive();
            assertThat(result.consumeNs()).isPositive();
            assertThat(result.produceRecordsPerSecond()).isPositive();
        }
    }
}
