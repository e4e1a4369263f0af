package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscale.chat.metrics.Report;
import io.autoscale.chat.model.Json;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @TempDir
    Path temp;

    private final Comparison comparison = new Comparison(List.of(
            row("threshold", Map.of("serverHours", 50.0, "p99ResponseTimeMs", 900.0, "jitterPerHour", -12.0,
                    "scalingActions", 40)),
            row("target", Map.of("serverHours", 61.25, "p99ResponseTimeMs", 120.0, "jitterPerHour", 3.0,
                    "scalingActions", 12)),
            row("predictive", Map.of("serverHours", 50.0004, "p99ResponseTimeMs", 120.0, "jitterPerHour", 30.0,
                    "scalingActions", 12))));

    @Test
    void marksTheLowestValueOfEachColumnAndEveryTieAsShown() {
        Comparison.Measure cost = measure("serverHours");
        Comparison.Measure p99 = measure("p99ResponseTimeMs");

        // 50.0004 shows as 50.000, like 50: both are best.
        assertThat(comparison.isBest(comparison.rows().get(0), cost)).isTrue();
        assertThat(comparison.isBest(comparison.rows().get(2), cost)).isTrue();
        assertThat(comparison.isBest(comparison.rows().get(1), cost)).isFalse();
        assertThat(comparison.isBest(comparison.rows().get(0), p99)).isFalse();
        assertThat(comparison.isBest(comparison.rows().get(1), p99)).isTrue();
    }

    @Test
    void jitterIsBestClosestToZero() {
        Comparison.Measure jitter = measure("jitterPerHour");

        assertThat(comparison.isBest(comparison.rows().get(1), jitter)).isTrue();
        assertThat(comparison.isBest(comparison.rows().get(0), jitter)).isFalse();
    }

    @Test
    void rendersARowPerPolicyWithTheBestMarked() {
        List<String> lines = comparison.render().lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("policy    ").contains("cost server-h", "p99 ms", "actions");
        assertThat(lines.get(1)).startsWith("threshold").contains("50.000*", "900.0 ", "-12.0 ");
        assertThat(lines.get(2)).startsWith("target").contains("61.250 ", "120.0*", "3.0*", "12*");
        assertThat(lines.get(3)).startsWith("predictive").contains("50.000*", "120.0*", "30.0 ");
        assertThat(lines.get(4)).startsWith("* best");
    }

    @Test
    void writesJsonAndCsvSideBySide() throws IOException {
        Path json = temp.resolve("compare.json");

        Path csv = comparison.write(json);

        assertThat(csv).isEqualTo(temp.resolve("compare.csv"));
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).split(",")).startsWith("policy", "serverHours", "sloViolationPercent")
                .endsWith("scalingActions", "totalRequests", "requestsProduced");
        assertThat(rows.get(2)).startsWith("target,61.25,");
        JsonNode tree = Json.mapper().readTree(json.toFile());
        JsonNode target = tree.get("policies").get(1);
        assertThat(target.get("policy").asText()).isEqualTo("target");
        assertThat(target.get("measures").get("serverHours").asDouble()).isEqualTo(61.25);
        assertThat(target.get("measures").get("scalingActions").isIntegralNumber()).isTrue();
        assertThat(target.get("bestIn")).extracting(JsonNode::asText)
                .contains("p99ResponseTimeMs", "jitterPerHour", "scalingActions").doesNotContain("serverHours");
        assertThat(target.get("report").get("serverHours").asDouble()).isEqualTo(61.25);
    }

    @Test
    void theCsvFileIsTheJsonFileWithItsExtensionReplaced() {
        assertThat(Comparison.csvFileOf(Path.of("out/day.json"))).isEqualTo(Path.of("out/day.csv"));
        assertThat(Comparison.csvFileOf(Path.of("day"))).isEqualTo(Path.of("day.csv"));
    }

    @Test
    void anEmptyComparisonIsRefused() {
        assertThatThrownBy(() -> new Comparison(List.of())).hasMessageContaining("at least one policy");
    }

    private static Comparison.Measure measure(String key) {
        return Comparison.MEASURES.stream().filter(measure -> measure.key().equals(key)).findFirst().orElseThrow();
    }

    /** A report with every number 0 but {@code values}. */
    private static Comparison.Row row(String policy, Map<String, Object> values) {
        ObjectNode json = Json.mapper().createObjectNode();
        for (RecordComponent component : Report.class.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == String.class) {
                json.put(component.getName(), "req/s");
            } else if (type == List.class) {
                json.putArray(component.getName());
            } else {
                json.put(component.getName(), 0);
            }
        }
        values.forEach((key, value) -> json.set(key, Json.mapper().valueToTree(value)));
        return new Comparison.Row(policy, policy + " settings", Json.mapper().convertValue(json, Report.class));
    }
}
