package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscale.chat.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The main job end to end, through the command line, on the broker {@link KafkaBrokerExtension}
 * gives: a Kafka container where Docker runs, the embedded KRaft broker otherwise. Each run has its
 * own topic namespace on that broker.
 */
@WithKafkaBroker
class RunCommandIT {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path temp;

    private final String bootstrapServers;

    RunCommandIT(@BootstrapServers String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Test
    void syntheticRunScalesUpAndDownAndAccountsForEveryRequest() throws IOException {
        Path report = temp.resolve("synthetic.json");

        Result result = runOnBroker("--duration", "30", "--peak-rate", "80", "--verbose", "--report",
                report.toString());

        assertThat(result.exitCode).as(result.output).isZero();
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("totalRequests").asLong()).isEqualTo(json.get("requestsProduced").asLong())
                .isGreaterThan(300);
        assertThat(json.get("durationSeconds").asDouble()).isEqualTo(30.0);
        assertThat(json.get("peakLoad").asDouble()).isEqualTo(80.0);

        List<String> actions = new ArrayList<>();
        for (JsonNode event : json.get("scalingEvents")) {
            actions.add(event.get("action").asText());
            assertThat(event.get("toServers").asInt()).isBetween(2, 10);
            assertThat(event.get("fromServers").asInt()).isBetween(2, 10);
        }
        assertThat(actions).contains("SCALE_UP", "SCALE_DOWN");
        assertThat(actions.indexOf("SCALE_UP")).isLessThan(actions.lastIndexOf("SCALE_DOWN"));
        assertThat(json.get("peakServers").asInt()).isBetween(3, 10);
        assertThat(json.get("averageServers").asDouble()).isBetween(2.0, 10.0);
        assertThat(json.get("p99ResponseTimeMs").asDouble()).isGreaterThanOrEqualTo(50.0);

        assertThat(result.output).contains("Scaling up to 3 servers", "Total requests processed");
    }

    @Test
    void hourTraceAtFullSpeedAccountsForExactlyEveryRequest() throws IOException {
        Path trace = Traces.file("twitter-2021-08-01-hour07.txt");
        Path report = temp.resolve("trace.json");

        Result result = runOnBroker("--trace", trace.toString(), "--speed", "max", "--report", report.toString());

        assertThat(result.exitCode).as(result.output).isZero();
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("requestsProduced").asLong()).isEqualTo(362_736);
        assertThat(json.get("totalRequests").asLong()).isEqualTo(362_736);
        assertThat(json.get("durationSeconds").asDouble()).isEqualTo(3_600.0);
        assertThat(json.get("peakLoad").asDouble()).isEqualTo(338.0);
        assertThat(json.get("lateRequests").asLong()).isZero();
        assertThat(json.get("scalingEvents").size()).isPositive();
        assertThat(result.output).contains("362,736");
    }

    @Test
    void withoutBootstrapServersTheRunStartsItsOwnBroker() throws IOException {
        Path report = temp.resolve("embedded.json");

        Result result = run("run", "--duration", "6", "--speed", "3", "--report", report.toString());

        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("Kafka: embedded KRaft broker at 127.0.0.1:");
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("totalRequests").asLong()).isEqualTo(json.get("requestsProduced").asLong())
                .isPositive();
    }

    @Test
    void aBadOptionStopsTheRunWithOneLineAndExitTwo() {
        Result result = run("run", "--min-servers", "5", "--max-servers", "3");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.errors.strip()).isEqualTo("autoscale-chat run: --min-servers (5) must not exceed "
                + "--max-servers (3)");
        assertThat(result.output).doesNotContain("Starting");
    }

    @Test
    void aMalformedTraceIsRejectedWithItsPositionBeforeAnythingStarts() throws IOException {
        Path trace = temp.resolve("bad.txt");
        Files.writeString(trace, "5\n7\nx9\n");

        Result result = run("run", "--trace", trace.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.errors).contains(trace.toString()).contains("x9").contains("line 3");
        assertThat(result.errors.strip().lines()).hasSize(1);
    }

    private Result runOnBroker(String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", bootstrapServers,
                "--topic-prefix", "run-it-" + RUNS.incrementAndGet() + "."));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private Result run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = Main.commandLine(temp.resolve("run.log"));
            commandLine.setErr(new PrintWriter(stderr, true));
            int exitCode = commandLine.execute(args);
            return new Result(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString());
        } finally {
            System.setOut(original);
        }
    }

    private record Result(int exitCode, String output, String errors) {
    }
}
