package io.autoscale.chat.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.ScalingAction;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    private static final Report REPORT = new Report(10, 10, 5.0, 0.5, 2.0, 20.0, 35, 3, 20.5, 2.5, 12.5, 10.0,
            30.0, 40.0, 41.5, 1, 0, 0, 0, "req/s", 5,
            List.of(new ScalingEvent(ScalingAction.SCALE_UP, 2, 3, 35, 3.0)));

    @TempDir
    Path dir;

    @Test
    void namesEveryFieldInCamelCase() throws Exception {
        JsonNode json = Json.mapper().readTree(ReportJson.toJson(REPORT));

        assertThat(fieldNames(json)).containsExactly(
                "requestsProduced", "totalRequests", "durationSeconds", "wallSeconds", "throughputPerSecond",
                "wallThroughputPerSecond", "peakLoad", "peakServers", "averageLoad", "averageServers",
                "averageResponseTimeMs", "p50ResponseTimeMs", "p95ResponseTimeMs", "p99ResponseTimeMs",
                "maxResponseTimeMs", "lateRequests", "lateCompletions", "duplicateCompletions", "deadLetters",
                "loadUnit", "windows", "scalingEvents");
        JsonNode event = json.get("scalingEvents").get(0);
        assertThat(fieldNames(event)).containsExactly("action", "fromServers", "toServers", "load", "time");
        assertThat(event.get("action").asText()).isEqualTo("SCALE_UP");
        assertThat(event.get("time").asDouble()).isEqualTo(3.0);
        assertThat(json.get("loadUnit").asText()).isEqualTo("req/s");
    }

    @Test
    void writesPrettyJsonThatReadsBackEqual() throws Exception {
        Path file = dir.resolve("report.json");

        ReportJson.write(REPORT, file);

        assertThat(Files.readString(file)).startsWith("{\n  \"requestsProduced\" : 10,");
        assertThat(ReportJson.read(file)).isEqualTo(REPORT);
    }

    @Test
    void namesThePathWhenTheFileCannotBeWritten() {
        Path file = dir.resolve("missing-folder").resolve("report.json");

        assertThatThrownBy(() -> ReportJson.write(REPORT, file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write the JSON report to " + file.toAbsolutePath() + ": no such file or folder");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
