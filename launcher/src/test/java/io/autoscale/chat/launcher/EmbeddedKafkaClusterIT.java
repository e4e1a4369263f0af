package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static EmbeddedKafkaCluster cluster;

    @TempDir
    Path temporary;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.start(1);
    }

    @AfterAll
    static void closeCluster() {
        cluster.close();
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        assertThat(cluster.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void consumesBackExactlyTheThousandRecordsProducedToAThreePartitionTopic() throws Exception {
        try (Admin admin = admin(cluster)) {
            admin.createTopics(List.of(new NewTopic("thousand", 3, (short) 1))).all().get();
            TopicDescription topic = admin.describeTopics(List.of("thousand")).allTopicNames().get().get("thousand");
            assertThat(topic.partitions()).hasSize(3);
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(cluster, Map.of()))) {
            for (int i = 0; i < 1_000; i++) {
                producer.send(new ProducerRecord<>("thousand", "key-" + i, "value-" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> consumed = consumeUntil("thousand", 1_000, Map.of());
        assertThat(consumed).hasSize(1_000);
        assertThat(consumed).extracting(ConsumerRecord::value).doesNotHaveDuplicates()
                .contains("value-0", "value-999");
        assertThat(consumed).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
    }

    @Test
    void readsCommittedRecordsOfATransactionalProducer() throws Exception {
        try (Admin admin = admin(cluster)) {
            admin.createTopics(List.of(new NewTopic("transactional", 1, (short) 1))).all().get();
        }
        Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-it");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(cluster, transactional))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("transactional", "key-" + i, "value-" + i));
            }
            producer.commitTransaction();
        }

        Map<String, Object> readCommitted = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(consumeUntil("transactional", 10, readCommitted)).hasSize(10);
    }

    @Test
    void listensOnTheGivenClientPort() throws Exception {
        int port = EmbeddedKafkaPorts.free(1).get(0);
        try (EmbeddedKafkaCluster fixed = EmbeddedKafkaCluster.start(1, port)) {
            assertThat(fixed.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (Admin admin = admin(fixed)) {
                assertThat(admin.describeCluster().nodes().get()).extracting(Node::port).containsExactly(port);
            }
        }
    }

    @Test
    void runsTwoClustersAtOnceOnDifferentPorts() throws Exception {
        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.start(1)) {
            assertThat(second.bootstrapServers()).isNotEqualTo(cluster.bootstrapServers());
            assertThat(second.directory()).isNotEqualTo(cluster.directory());
            try (Admin admin = admin(second)) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
        }
        try (Admin admin = admin(cluster)) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void closeDeletesTheFolderAndCanBeCalledAgain() {
        EmbeddedKafkaCluster closing = EmbeddedKafkaCluster.start(1);
        Path directory = closing.directory();
        assertThat(directory).isDirectory();

        closing.close();
        closing.close();

        assertThat(directory).doesNotExist();
    }

    @Test
    void rejectsABrokerCountOutOfRange() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.start(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brokers must be in [1, 3] nodes, got 0");
    }

    @Test
    void failedStartThrowsNamingTheCauseAndLeavesNoFolder() throws Exception {
        Path parent = Files.createDirectory(temporary.resolve("clusters"));
        Path notADirectory = Files.writeString(temporary.resolve("metadata-is-a-file"), "");
        Map<String, String> broken = Map.of("metadata.log.dir", notADirectory.toString());

        assertThatThrownBy(() -> EmbeddedKafkaCluster.start(1, parent, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The embedded Kafka cluster did not start (brokers=1, bootstrap servers")
                .hasMessageContaining("metadata log directory");

        try (var remaining = Files.list(parent)) {
            assertThat(remaining).isEmpty();
        }
    }

    @Test
    void printsNothingToTheConsoleAndLogsToTheLogFile() throws Exception {
        Path logFile = temporary.resolve("quiet.log");
        Path folderRecord = temporary.resolve("folder.txt");
        Process process = startQuietRun(logFile, folderRecord, "close");

        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(temporary.resolve("stdout.txt"))).isEmpty();
        assertThat(Files.readString(temporary.resolve("stderr.txt"))).isEmpty();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(logFile))
                .contains("Kafka Server started", "Embedded Kafka cluster up", "Embedded Kafka cluster stopped");
        assertThat(Path.of(Files.readString(folderRecord))).doesNotExist();
    }

    @Test
    void deletesTheFolderWhenTheProcessIsTerminatedWithoutClose() throws Exception {
        Path folderRecord = temporary.resolve("folder.txt");
        Process process = startQuietRun(temporary.resolve("terminated.log"), folderRecord, "wait");
        try {
            await().atMost(TIMEOUT).until(() -> Files.exists(folderRecord) && Files.size(folderRecord) > 0);
            Path directory = Path.of(Files.readString(folderRecord));
            assertThat(directory).isDirectory();

            // SIGTERM runs the shutdown hooks exactly as Ctrl-C's SIGINT does.
            process.destroy();
            assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(directory).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private Process startQuietRun(Path logFile, Path folderRecord, String ending) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-D" + LogFile.PROPERTY + "=" + logFile,
                "-cp", System.getProperty("java.class.path"),
                EmbeddedKafkaQuietRun.class.getName(), folderRecord.toString(), ending);
        return new ProcessBuilder(command)
                .redirectOutput(temporary.resolve("stdout.txt").toFile())
                .redirectError(temporary.resolve("stderr.txt").toFile())
                .start();
    }

    private static List<ConsumerRecord<String, String>> consumeUntil(
            String topic, int expected, Map<String, Object> overrides) {
        List<ConsumerRecord<String, String>> consumed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(cluster, overrides))) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(consumed::add);
                return consumed.size() >= expected;
            });
        }
        return consumed;
    }

    private static Admin admin(EmbeddedKafkaCluster target) {
        return Admin.create(Map.of("bootstrap.servers", target.bootstrapServers()));
    }

    private static Properties producerConfig(EmbeddedKafkaCluster target, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.putAll(overrides);
        return props;
    }

    private static Properties consumerConfig(EmbeddedKafkaCluster target, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.putAll(overrides);
        return props;
    }
}
