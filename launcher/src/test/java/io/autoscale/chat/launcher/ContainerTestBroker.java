package io.autoscale.chat.launcher;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Apache Kafka's official image, started by Testcontainers. Its tag is the version of the Kafka clients on
 * the test classpath, which the parent pom's {@code kafka.version} sets: clients and broker never drift.
 */
final class ContainerTestBroker implements TestKafkaBroker {

    private final KafkaContainer container;
    private final String image;

    private ContainerTestBroker(KafkaContainer container, String image) {
        this.container = container;
        this.image = image;
    }

    static ContainerTestBroker start() {
        String image = image();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
        container.start();
        return new ContainerTestBroker(container, image);
    }

    /** {@code apache/kafka:<the clients' version>}, e.g. {@code apache/kafka:4.1.1}. */
    static String image() {
        return "apache/kafka:" + AppInfoParser.getVersion();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.CONTAINER;
    }

    @Override
    public String description() {
        return "container " + image + " at " + container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
