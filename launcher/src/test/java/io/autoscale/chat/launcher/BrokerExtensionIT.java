package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

@WithKafkaBroker
class BrokerExtensionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Where no engine exists, Testcontainers gives up at once; a probe that takes longer waits on a timeout. */
    private static final Duration QUICK_PROBE = Duration.ofSeconds(10);

    private static String addressBeforeAll;

    @TempDir
    Path temporary;

    @BeforeAll
    static void rememberTheAddress(@BootstrapServers String bootstrapServers) {
        addressBeforeAll = bootstrapServers;
    }

    @Test
    void fallsBackToTheEmbeddedBrokerWhereNoDockerEngineRuns(TestKafkaBroker broker) {
        assumeThat(dockerAvailable()).as("a Docker engine answers here").isFalse();
        assumeThat(System.getProperty(BrokerChoice.PROPERTY)).as("-Dbroker").isNull();

        assertThat(broker.kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(broker.description()).matches("embedded KRaft broker at 127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void insistingOnAContainerWithoutDockerFailsClearly() {
        assumeThat(dockerAvailable()).as("a Docker engine answers here").isFalse();

        assertThatThrownBy(() -> BrokerChoice.decide("container", BrokerExtensionIT::dockerAvailable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("-Dbroker=container asks for a Kafka container, but Testcontainers "
                        + "found no Docker engine on this machine");
    }

    @Test
    void everyTestOfTheClassGetsTheSameBroker(@BootstrapServers String bootstrapServers, TestKafkaBroker broker) {
        assertThat(bootstrapServers).isEqualTo(addressBeforeAll).isEqualTo(broker.bootstrapServers());
    }

    @Test
    void aTopicRoundTripsTheRecordsProduced(@BootstrapServers String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic("round-trip", 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>("round-trip", "key-" + i, "value-" + i));
            }
        }

        List<String> consumed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers))) {
            consumer.subscribe(List.of("round-trip"));
            await().atMost(TIMEOUT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> consumed.add(record.value()));
                return consumed.size() >= 50;
            });
        }

        assertThat(consumed).hasSize(50).doesNotHaveDuplicates().contains("value-0", "value-49");
    }

    @Test
    void theFirstDockerProbeOfAJvmIsQuickAndPrintsNothing() throws Exception {
        Path stdout = temporary.resolve("stdout.txt");
        Path stderr = temporary.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-D" + LogFile.PROPERTY + "=" + temporary.resolve("probe.log"),
                "-cp", System.getProperty("java.class.path"), DockerProbeRun.class.getName());

        long startNs = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean ended = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - startNs);
        process.destroyForcibly();

        assertThat(ended).isTrue();
        assertThat(process.exitValue()).isEqualTo(dockerAvailable() ? 0 : DockerProbeRun.NO_DOCKER_EXIT_CODE);
        assertThat(Files.readString(stdout)).isEmpty();
        assertThat(Files.readString(stderr)).isEmpty();
        assertThat(took).isLessThan(QUICK_PROBE);
    }

    private static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "broker-extension-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }
}
