package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscale.chat.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A balancer instance that joins mid-run, and the first one leaving mid-run, lose and duplicate
 * nothing: with each service in a process of its own on a real broker, the report is the one `run`
 * gives for the same traffic with a single balancer.
 */
@WithKafkaBroker
class BalancerJoinLeaveIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> WALL_CLOCK_FIELDS = List.of("wallSeconds", "wallThroughputPerSecond");

    private final String kafka;
    private final List<ServiceProcess> processes = new ArrayList<>();

    @TempDir
    Path temp;

    BalancerJoinLeaveIT(@BootstrapServers String kafka) {
        this.kafka = kafka;
    }

    @AfterEach
    void killWhatIsLeft() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void aBalancerJoiningAndAnotherLeavingMidRunChangeNothingInTheReport() throws Exception {
        String trace = Traces.file("twitter-2021-08-01-hour07.txt").toString();
        JsonNode reference = reference(trace);

        Path report = temp.resolve("moving.json");
        String[] common = {"--bootstrap-servers", kafka, "--partitions", "6", "--topic-prefix", "moving."};
        ServiceProcess autoscaler = start("autoscaler", common, "--load-measure", "requests");
        ServiceProcess first = start("balancer", common, "--server-capacity", "50");
        ServiceProcess metrics = start("metrics", common, "--load-measure", "requests", "--verbose",
                "--report", report.toString());
        for (ServiceProcess service : List.of(autoscaler, first, metrics)) {
            service.awaitLine("autoscale-chat ", START_TIMEOUT);
        }
        ServiceProcess producer = start("producer", common, "--trace", trace, "--to", "1200", "--speed", "40");

        metrics.awaitLine(status(100), RUN_TIMEOUT);
        ServiceProcess second = start("balancer", common, "--server-capacity", "50");
        second.awaitLine("autoscale-chat ", START_TIMEOUT);
        long joinedAt = lastStatus(metrics);
        assertThat(first.terminate(STOP_TIMEOUT)).as(first.lines().toString()).isZero();
        long leftAt = lastStatus(metrics);

        assertThat(producer.awaitExit(RUN_TIMEOUT)).as(producer.lines().toString()).isZero();
        assertThat(metrics.awaitExit(RUN_TIMEOUT)).as(metrics.lines().toString()).isZero();
        assertThat(second.terminate(STOP_TIMEOUT)).as(second.lines().toString()).isZero();
        assertThat(autoscaler.terminate(STOP_TIMEOUT)).as(autoscaler.lines().toString()).isZero();

        // Event time the metrics service had reached when the second balancer was up, and when the first was gone.
        assertThat(joinedAt).isBetween(100L, 1_100L);
        assertThat(leftAt).isBetween(joinedAt, 1_195L);
        assertThat(withoutWallClock(report)).isEqualTo(reference);
    }

    /** The same traffic through `run`, with one instance of each service. */
    private JsonNode reference(String trace) throws Exception {
        Path report = temp.resolve("reference.json");
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Main.commandLine(temp.resolve("run.log"));
        commandLine.setErr(new PrintWriter(errors, true));
        int exitCode = commandLine.execute("run", "--bootstrap-servers", kafka, "--partitions", "6",
                "--topic-prefix", "reference.", "--trace", trace, "--to", "1200", "--speed", "max",
                "--report", report.toString());
        assertThat(exitCode).as(errors.toString()).isZero();
        JsonNode json = withoutWallClock(report);
        assertThat(json.get("totalRequests").asLong()).isEqualTo(json.get("requestsProduced").asLong())
                .isPositive();
        return json;
    }

    private static JsonNode withoutWallClock(Path report) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(report.toFile());
        WALL_CLOCK_FIELDS.forEach(json::remove);
        return json;
    }

    /** The start of the metrics service's status line at {@code seconds} of event time. */
    private static String status(long seconds) {
        return String.format(Locale.ROOT, "📊 %6s", seconds + "s");
    }

    /** Event time, in seconds, of the metrics service's latest status line. */
    private static long lastStatus(ServiceProcess metrics) {
        List<String> statuses = metrics.lines().stream().filter(line -> line.startsWith("📊 ")).toList();
        String last = statuses.get(statuses.size() - 1).substring("📊 ".length()).strip();
        return Long.parseLong(last.substring(0, last.indexOf('s')));
    }

    private ServiceProcess start(String command, String[] common, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(common));
        args.addAll(List.of(more));
        ServiceProcess process = ServiceProcess.start(temp.resolve(command + "-" + processes.size() + ".log"),
                args.toArray(String[]::new));
        processes.add(process);
        return process;
    }
}
