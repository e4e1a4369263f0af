package io.autoscale.chat.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A broker's whole life in a fresh JVM, as the launcher lives it: the log file configured first, then start,
 * topic, produce, consume. {@link EmbeddedKafkaClusterIT} runs it and reads its console, because a JVM whose
 * logging is already set up cannot show what a first start prints.
 *
 * <p>Arguments: the file to write the cluster's folder into, then {@code close} to end with
 * {@link EmbeddedKafkaCluster#close()}, or {@code wait} to block until the process is terminated.
 */
public final class EmbeddedKafkaQuietRun {

    static final int RECORDS = 100;
    private static final String TOPIC = "quiet";

    private EmbeddedKafkaQuietRun() {
    }

    public static void main(String[] args) throws Exception {
        Path folderRecord = Path.of(args[0]);
        boolean waitForTermination = args[1].equals("wait");
        LogFile.configure();

        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(1);
        Files.writeString(folderRecord, cluster.directory().toString(), StandardCharsets.UTF_8);
        produceAndConsume(cluster.bootstrapServers());
        if (waitForTermination) {
            new CountDownLatch(1).await();
        }
        cluster.close();
    }

    private static void produceAndConsume(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i));
            }
        }
        int consumed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers))) {
            consumer.subscribe(List.of(TOPIC));
            long deadlineNs = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumed < RECORDS && System.nanoTime() < deadlineNs) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        if (consumed != RECORDS) {
            throw new IllegalStateException("consumed " + consumed + " of " + RECORDS + " records");
        }
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private static Properties consumerConfig(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "quiet-run");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
