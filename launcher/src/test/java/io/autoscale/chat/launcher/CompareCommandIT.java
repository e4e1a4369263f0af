package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscale.chat.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `compare` on a real broker: a row per policy, every request accounted for, and the same table twice. */
@WithKafkaBroker
class CompareCommandIT {

    private final String bootstrapServers;

    @TempDir
    Path temp;

    CompareCommandIT(@BootstrapServers String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Test
    void comparesEveryPolicyOnTheHourTraceAndGivesTheSameTableTwice() throws IOException {
        Path first = compare("compare-first.");
        Path second = compare("compare-second.");

        JsonNode policies = Json.mapper().readTree(first.toFile()).get("policies");
        assertThat(policies).hasSize(4);
        List<String> names = new ArrayList<>();
        for (JsonNode policy : policies) {
            names.add(policy.get("policy").asText());
            JsonNode report = policy.get("report");
            assertThat(report.get("totalRequests").asLong()).isEqualTo(report.get("requestsProduced").asLong())
                    .isEqualTo(362_736);
            assertThat(report.get("peakServers").asInt()).isBetween(2, 10);
            assertThat(policy.get("measures").get("serverHours").asDouble()).isPositive();
        }
        assertThat(names).containsExactly("threshold", "target", "step", "predictive");

        Path firstCsv = Comparison.csvFileOf(first);
        Path secondCsv = Comparison.csvFileOf(second);
        List<String> table = Files.readAllLines(firstCsv, StandardCharsets.UTF_8);
        assertThat(table).hasSize(5);
        assertThat(table.get(0)).startsWith("policy,serverHours,sloViolationPercent");
        assertThat(Files.readAllLines(secondCsv, StandardCharsets.UTF_8)).isEqualTo(table);
    }

    private Path compare(String prefix) {
        Path report = temp.resolve(prefix + "json");
        List<String> args = List.of("compare", "--trace", Traces.file("twitter-2021-08-01-hour07.txt").toString(),
                "--startup-delay", "60",
                "--policy", "threshold", "--policy", "target", "--policy", "step", "--policy", "predictive",
                "--bootstrap-servers", bootstrapServers, "--topic-prefix", prefix, "--report", report.toString());
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Main.commandLine(temp.resolve("compare.log"));
        commandLine.setErr(new PrintWriter(errors, true));

        int exitCode = commandLine.execute(args.toArray(String[]::new));

        assertThat(exitCode).as("exit code of %s: %s", args, errors).isZero();
        return report;
    }
}
