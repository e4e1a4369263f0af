package io.autoscale.chat.launcher;

/** The project's own single-node KRaft broker, in the test JVM. */
final class EmbeddedTestBroker implements TestKafkaBroker {

    private final EmbeddedKafkaCluster cluster;

    private EmbeddedTestBroker(EmbeddedKafkaCluster cluster) {
        this.cluster = cluster;
    }

    static EmbeddedTestBroker start() {
        return new EmbeddedTestBroker(EmbeddedKafkaCluster.start(1));
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.EMBEDDED;
    }

    @Override
    public String description() {
        return "embedded KRaft broker at " + cluster.bootstrapServers();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
