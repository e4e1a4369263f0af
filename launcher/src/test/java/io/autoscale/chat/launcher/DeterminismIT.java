package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscale.chat.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same input, seed and configuration give the same report, wall-clock figures aside, at any
 * replay speed and with any number of partitions and service instances. The runs share one broker
 * from {@link KafkaBrokerExtension}, each in its own topic namespace.
 */
@WithKafkaBroker
class DeterminismIT {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String bootstrapServers;

    DeterminismIT(@BootstrapServers String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    private static final List<String> WALL_CLOCK_FIELDS = List.of("wallSeconds", "wallThroughputPerSecond");

    @TempDir
    Path temp;

    @Test
    void hourTraceGivesTheSameReportOnOnePartitionAndOnSixWithTwoInstances() throws IOException {
        String trace = Traces.file("twitter-2021-08-01-hour07.txt").toString();

        JsonNode single = run("--trace", trace, "--speed", "max", "--partitions", "1", "--instances", "1");
        JsonNode spread = run("--trace", trace, "--speed", "max", "--partitions", "6", "--instances", "2");

        assertThat(single.get("totalRequests").asLong()).isEqualTo(362_736);
        assertThat(spread).isEqualTo(single);
    }

    @Test
    void aStatefulPolicyWithAStartupDelayGivesTheSameReportHoweverTheWorkIsSpread() throws IOException {
        String trace = Traces.file("twitter-2021-08-01-hour07.txt").toString();
        String[] policy = {"--trace", trace, "--to", "1200", "--policy", "predictive", "--startup-delay", "60"};

        JsonNode single = run(concat(policy, "--partitions", "1", "--instances", "1"));
        JsonNode spread = run(concat(policy, "--partitions", "6", "--instances", "2"));

        assertThat(single.get("scalingActions").asInt()).isPositive();
        assertThat(single.get("serverSeconds").asDouble()).isGreaterThan(single.get("durationSeconds").asDouble());
        assertThat(spread).isEqualTo(single);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void syntheticRunGivesTheSameReportAtRealTimeAndTwentyTimesFaster() throws IOException {
        JsonNode realTime = run("--duration", "30", "--peak-rate", "80", "--seed", "42");
        JsonNode fast = run("--duration", "30", "--peak-rate", "80", "--seed", "42", "--speed", "20");

        assertThat(realTime.get("scalingEvents").size()).isPositive();
        assertThat(fast).isEqualTo(realTime);
    }

    @Test
    void theSameSeedGivesTheSameReportAndAnotherSeedAnother() throws IOException {
        JsonNode first = run("--duration", "30", "--peak-rate", "80", "--seed", "7", "--speed", "20");
        JsonNode again = run("--duration", "30", "--peak-rate", "80", "--seed", "7", "--speed", "20");
        JsonNode other = run("--duration", "30", "--peak-rate", "80", "--seed", "8", "--speed", "20");

        assertThat(again).isEqualTo(first);
        assertThat(other.get("totalRequests")).isNotEqualTo(first.get("totalRequests"));
        assertThat(other).isNotEqualTo(first);
    }

    /** Runs one experiment and returns its JSON report without the wall-clock fields. */
    private JsonNode run(String... options) throws IOException {
        Path report = temp.resolve("report-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("run", "--report", report.toString(),
                "--bootstrap-servers", bootstrapServers,
                "--topic-prefix", "determinism-" + RUNS.incrementAndGet() + "."));
        args.addAll(List.of(options));
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Main.commandLine(temp.resolve("run.log"));
        commandLine.setErr(new PrintWriter(errors, true));

        int exitCode = commandLine.execute(args.toArray(String[]::new));

        assertThat(exitCode).as("exit code of %s: %s", args, errors).isZero();
        ObjectNode json = (ObjectNode) Json.mapper().readTree(report.toFile());
        WALL_CLOCK_FIELDS.forEach(json::remove);
        return json;
    }
}
