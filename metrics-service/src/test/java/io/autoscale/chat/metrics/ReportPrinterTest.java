package io.autoscale.chat.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.ScalingAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    private static final String RULE = "=".repeat(70);

    private static Report report(List<ScalingEvent> events, long duplicates, long deadLetters) {
        return new Report(245, 245, 30.0, 2.5, 8.166, 98.0, 50, 4, 28.34, 3.21, 12.34, 10.0, 40.5, 80.25, 110.04,
                120.0, 3, 1, duplicates, deadLetters, "users", 30, 5, 3.4, events.size(), 12.345, 30.0, 20.0, 46.67,
                25.0, -240.0, 102.0, 102.0 / 3600, 500, 12, 4.898, events);
    }

    @Test
    void rendersTheMetricsBlockLikeTheOriginalDemo() {
        String text = ReportPrinter.render(report(List.of(), 0, 0));

        assertThat(text).isEqualTo("\n"
                + RULE + "\n"
                + "📊 Auto-Scaling System Metrics\n"
                + RULE + "\n"
                + "   Total requests processed: 245 (of 245 produced)\n"
                + "   Total duration: 30.00s simulated (2.50s wall)\n"
                + "   Average throughput: 8.17 req/s (98.00 req/s wall)\n"
                + "   Peak load: 50 users\n"
                + "   Peak servers: 4\n"
                + "   Scaling events: 0\n"
                + "   Average load: 28.3 users\n"
                + "   Average servers: 3.2 serving, 3.4 provisioned\n"
                + "   Average response time: 12.3 ms (p50 10.0 ms, p95 40.5 ms, p99 80.3 ms, max 120.0 ms)\n"
                + "   Provisioning:\n"
                + "      Cost: 0.028 server-hours (102.0 server-seconds)\n"
                + "      SLO violations: 12 over 500 ms (4.90% of requests; p99.9 110.0 ms)\n"
                + "      Under-provisioning: accuracy 12.3%, timeshare 20.0%\n"
                + "      Over-provisioning: accuracy 30.0%, timeshare 46.7%\n"
                + "      Instability: 25.0% of steps, jitter -240.0 changes/h, scaling actions 0\n"
                + "   Late requests: 3\n"
                + RULE + "\n"
                + "\n"
                + "🔄 Scaling Events:\n"
                + "   none\n");
    }

    @Test
    void numbersScalingEventsWithDirectionLoadAndTime() {
        List<ScalingEvent> events = List.of(
                new ScalingEvent(ScalingAction.SCALE_UP, 2, 3, 35, 12),
                new ScalingEvent(ScalingAction.SCALE_DOWN, 3, 2, 8.5, 20.5));

        String text = ReportPrinter.render(report(events, 0, 0));

        assertThat(text).contains("   Scaling events: 2\n")
                .endsWith("🔄 Scaling Events:\n"
                        + "   1. 📈 SCALE_UP: 3 servers (load: 35 users, at 12s)\n"
                        + "   2. 📉 SCALE_DOWN: 2 servers (load: 8.5 users, at 20.500s)\n");
    }

    @Test
    void showsDuplicatesAndDeadLettersOnlyWhenThereAreSome() {
        String text = ReportPrinter.render(report(List.of(), 2, 5));

        assertThat(text).contains("   Duplicate completions ignored: 2\n")
                .contains("   Dead letters (unparseable records skipped): 5\n");
    }

    @Test
    void listsAtMostFiftyEventsAndPointsToTheJsonForTheRest() {
        List<ScalingEvent> events = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            events.add(new ScalingEvent(ScalingAction.SCALE_UP, i + 1, i + 2, 10, i));
        }

        String text = ReportPrinter.render(report(events, 0, 0));

        assertThat(text).contains("   50. 📈 SCALE_UP: 51 servers (load: 10 users, at 49s)\n")
                .doesNotContain("51. ")
                .endsWith("   ... and 3 more (all are in the JSON report)\n");
    }
}
