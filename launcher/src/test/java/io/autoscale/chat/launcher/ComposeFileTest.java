package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.TopicSetup;
import io.autoscale.chat.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks docker-compose.yml without a Docker engine: what can go wrong between the compose file and the
 * code (a variable no command reads, a required option left unset, a topic missing, a version drifting)
 * fails here, in {@code mvn verify}, instead of in a container.
 */
class ComposeFileTest {

    private static final List<String> SERVICES =
            List.of("producer", "autoscaler-service", "balancer-service", "metrics-service");
    private static final List<String> SCALABLE = List.of("autoscaler-service", "balancer-service");
    /** The one variable that sets the partitions of the per-request topics everywhere. */
    private static final String PARTITIONS = "${PARTITIONS:-3}";
    private static final Pattern CREATE_TOPIC = Pattern.compile("^create_topic (\\S+) (\\S+)", Pattern.MULTILINE);

    private static Path root;
    private static ComposeModel compose;
    private static Map<String, CommandLine> subcommands;

    @BeforeAll
    static void readTheComposeFileAndTheCommands() throws Exception {
        root = RepositoryRoot.find();
        compose = ComposeModel.read(root.resolve("docker-compose.yml"));
        subcommands = Main.commandLine(Path.of("unused.log")).getSubcommands();
    }

    @Test
    void declaresTheBrokerTheTopicsJobAndTheFourServices() {
        assertThat(compose.serviceNames())
                .containsExactlyInAnyOrder("kafka", "topics", "producer", "autoscaler-service", "balancer-service",
                        "metrics-service");
    }

    @Test
    void everyBuiltServicePointsToADockerfileThatExists() {
        for (String service : SERVICES) {
            assertThat(compose.dockerfile(service, root)).as(service).hasValueSatisfying(dockerfile ->
                    assertThat(dockerfile).as(service).isRegularFile());
        }
    }

    @Test
    void runsTheKafkaImageOfTheProjectsKafkaVersion() throws Exception {
        String expected = "apache/kafka:" + RepositoryRoot.pomProperty("kafka.version");

        assertThat(compose.service("kafka").path("image").asText()).isEqualTo(expected);
        assertThat(compose.service("topics").path("image").asText()).isEqualTo(expected);
    }

    @Test
    void scalableServicesHaveNoContainerNameAndNoFixedHostPort() {
        for (String service : SCALABLE) {
            JsonNode definition = compose.service(service);
            assertThat(definition.has("container_name")).as(service + " container_name").isFalse();
            assertThat(definition.has("ports")).as(service + " ports").isFalse();
        }
    }

    @Test
    void eachServiceRunsOneOfTheLaunchersCommands() {
        Map<String, String> commands = new LinkedHashMap<>();
        for (String service : SERVICES) {
            commands.put(service, compose.command(service).get(0));
        }

        assertThat(commands).containsExactly(
                Map.entry("producer", "producer"),
                Map.entry("autoscaler-service", "autoscaler"),
                Map.entry("balancer-service", "balancer"),
                Map.entry("metrics-service", "metrics"));
        assertThat(subcommands).containsKeys("producer", "autoscaler", "balancer", "metrics");
    }

    @Test
    void servicesAreConfiguredOnlyThroughVariablesTheirCommandReads() {
        Map<String, Set<String>> unread = new TreeMap<>();
        for (String service : SERVICES) {
            Set<String> set = new TreeSet<>(compose.environment(service).keySet());
            set.removeAll(ServiceVariables.readBy(commandOf(service)));
            if (!set.isEmpty()) {
                unread.put(service, set);
            }
            assertThat(compose.command(service)).as(service + " takes no flags").hasSize(1);
        }

        assertThat(unread).as("variables that the service's command does not read").isEmpty();
    }

    @Test
    void everyRequiredOptionOfAServiceIsSetWithAValue() {
        Map<String, Set<String>> unset = new TreeMap<>();
        for (String service : SERVICES) {
            Map<String, String> environment = compose.environment(service);
            Set<String> missing = new TreeSet<>();
            for (String required : ServiceVariables.requiredBy(commandOf(service))) {
                String value = environment.get(required);
                if (value == null || value.isBlank()) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                unset.put(service, missing);
            }
        }

        assertThat(unset).as("required options without a value").isEmpty();
    }

    /** Required by every service, but checked by the service, not picocli: `run` may start its own broker. */
    @Test
    void everyServiceReachesTheBrokerOnTheComposeNetwork() {
        for (String service : SERVICES) {
            assertThat(compose.environment(service))
                    .as(service).containsEntry("AUTOSCALE_CHAT_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void partitionsComeFromOneVariable() {
        assertThat(compose.environment("topics")).containsEntry("PARTITIONS", PARTITIONS);
        for (String service : SERVICES) {
            String partitions = compose.environment(service).get("AUTOSCALE_CHAT_PARTITIONS");
            if (partitions != null) {
                assertThat(partitions).as(service).isEqualTo(PARTITIONS);
            }
        }
    }

    @Test
    void servicesStartOnAHealthyBrokerAfterTheTopicsExist() {
        for (String service : SERVICES) {
            JsonNode dependsOn = compose.service(service).path("depends_on");
            assertThat(dependsOn.path("kafka").path("condition").asText()).as(service)
                    .isEqualTo("service_healthy");
            assertThat(dependsOn.path("topics").path("condition").asText()).as(service)
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(compose.service("topics").path("depends_on").path("kafka").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void theBrokerAndEveryServiceHaveAHealthCheck() {
        assertThat(compose.service("kafka").path("healthcheck").path("test").toString())
                .contains("kafka-broker-api-versions.sh");
        for (String service : SERVICES) {
            assertThat(compose.service(service).path("healthcheck").path("test").toString())
                    .as(service).isEqualTo("[\"CMD\",\"/app/healthcheck.sh\"]");
        }
    }

    @Test
    void theTopicsJobCreatesExactlyTheTopicsOfTopicSetup() throws Exception {
        String script = Files.readString(root.resolve("docker/create-topics.sh"));
        Map<String, String> created = new LinkedHashMap<>();
        Matcher matcher = CREATE_TOPIC.matcher(script);
        while (matcher.find()) {
            created.put(matcher.group(1), matcher.group(2));
        }

        // An odd partition count tells the per-request topics from the single-partition ones.
        KafkaSettings settings = new KafkaSettings("kafka:9092", Topics.plain(), 7, (short) 1);
        Map<String, String> expected = new LinkedHashMap<>();
        for (NewTopic topic : TopicSetup.topicsFor(settings)) {
            expected.put(topic.name(), topic.numPartitions() == 7 ? "\"$partitions\"" : "1");
        }

        assertThat(created).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(compose.volumes("topics")).containsExactly("./docker/create-topics.sh:/create-topics.sh:ro");
    }

    @Test
    void theProducerReadsTracesFromAReadOnlyFolderAndMetricsWritesTheReportToAMountedOne() {
        assertThat(compose.volumes("producer")).containsExactly("./traces:/traces:ro");
        assertThat(compose.environment("producer")).containsKey("AUTOSCALE_CHAT_TRACE");
        assertThat(compose.volumes("metrics-service")).containsExactly("./reports:/reports");
        assertThat(compose.environment("metrics-service"))
                .containsEntry("AUTOSCALE_CHAT_REPORT", "/reports/report.json");
    }

    private static CommandSpec commandOf(String service) {
        String name = compose.command(service).get(0);
        CommandLine command = subcommands.get(name);
        assertThat(command).as("subcommand " + name + " of autoscale-chat, run by " + service).isNotNull();
        return command.getCommandSpec();
    }
}
