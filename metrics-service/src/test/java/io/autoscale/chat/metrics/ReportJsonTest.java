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
            30.0, 40.0, 40.9, 41.5, 1, 0, 0, 0, "req/s", 5, 4, 2.75, 1, 12.5, 30.0, 20.0, 40.0, 25.0, -720.0, 13.75,
            13.75 / 3600, 500, 1, 10.0, List.of(new ScalingEvent(ScalingAction.SCALE_UP, 2, 3, 35, 3.0)));

    @TempDir
    Path dir;

    @Test
    void namesEveryFieldInCamelCase() throws Exception {
        JsonNode json = Json.mapper().readTree(ReportJson.toJson(REPORT));

        assertThat(fieldNames(json)).containsExactly(
                "requestsProduced", "totalRequests", "durationSeconds", "wallSeconds", "throughputPerSecond",
                "wallThroughputPerSecond", "peakLoad", "peakServers", "averageLoad", "averageServers",
                "averageResponseTimeMs", "p50ResponseTimeMs", "p95ResponseTimeMs", "p99ResponseTimeMs",
                "p999ResponseTimeMs", "maxResponseTimeMs", "lateRequests", "lateCompletions", "duplicateCompletions",
                "deadLetters", "loadUnit", "windows", "peakDemand", "averageProvisioned", "scalingActions",
                "underProvisioningAccuracy", "overProvisioningAccuracy", "underProvisioningTimeshare",
                "overProvisioningTimeshare", "instability", "jitterPerHour", "serverSeconds", "serverHours", "sloMs",
                "sloViolations", "sloViolationPercent", "scalingEvents");
        JsonNode event = json.get("scalingEvents").get(0);
        assertThat(fieldNames(event)).containsExactly("action", "fromServers", "toServers", "load", "time");
        assertThat(event.get("action").asText()).isEqualTo("SCALE_UP");
        assertThat(event.get("time").asDouble()).isEqualTo(3.0);
        assertThat(json.get("loadUnit").asText()).isEqualTo("req/s");
        assertThat(json.get("p999ResponseTimeMs").asDouble()).isEqualTo(40.9);
        assertThat(json.get("jitterPerHour").asDouble()).isEqualTo(-720.0);
        assertThat(json.get("serverSeconds").asDouble()).isEqualTo(13.75);
        assertThat(json.get("sloViolations").asLong()).isEqualTo(1);
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
