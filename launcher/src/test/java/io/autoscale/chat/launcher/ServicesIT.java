package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscale.chat.model.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One experiment with each service in a process of its own, on one embedded cluster. */
class ServicesIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void fourProcessesAccountForEveryRequestAndExitZero() throws Exception {
        Path report = temp.resolve("report.json");
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(1)) {
            String kafka = cluster.bootstrapServers();

            ServiceProcess autoscaler = start("autoscaler", "--bootstrap-servers", kafka);
            ServiceProcess balancer = start("balancer", "--bootstrap-servers", kafka);
            ServiceProcess metrics = start("metrics", "--bootstrap-servers", kafka, "--report", report.toString());
            for (ServiceProcess service : List.of(autoscaler, balancer, metrics)) {
                service.awaitLine("autoscale-chat ", START_TIMEOUT);
            }
            ServiceProcess producer = start("producer", "--bootstrap-servers", kafka,
                    "--duration", "10", "--speed", "5", "--peak-rate", "80");

            String produced = producer.awaitLine("autoscale-chat producer: produced", RUN_TIMEOUT);
            assertThat(producer.awaitExit(STOP_TIMEOUT)).as(producer.lines().toString()).isZero();
            assertThat(metrics.awaitExit(RUN_TIMEOUT)).as(metrics.lines().toString()).isZero();
            assertThat(autoscaler.terminate(STOP_TIMEOUT)).as(autoscaler.lines().toString()).isZero();
            assertThat(balancer.terminate(STOP_TIMEOUT)).as(balancer.lines().toString()).isZero();

            JsonNode json = Json.mapper().readTree(report.toFile());
            long requestsProduced = json.get("requestsProduced").asLong();
            assertThat(json.get("totalRequests").asLong()).isEqualTo(requestsProduced).isPositive();
            assertThat(produced).contains(String.format("produced %,d requests (10 s of event time)",
                    requestsProduced));
            assertThat(json.get("durationSeconds").asDouble()).isEqualTo(10.0);
            assertThat(json.get("loadUnit").asText()).isEqualTo("users");
            assertThat(metrics.lines()).anyMatch(line -> line.contains("Total requests processed"));
        }
    }

    private ServiceProcess start(String... args) throws Exception {
        ServiceProcess process = ServiceProcess.start(temp.resolve(args[0] + ".log"), args);
        processes.add(process);
        return process;
    }
}
