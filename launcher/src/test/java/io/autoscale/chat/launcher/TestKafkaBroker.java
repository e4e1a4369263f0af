package io.autoscale.chat.launcher;

/**
 * A running Kafka broker for one test class. Tests see only {@link #bootstrapServers()}; the rest is for
 * the line that says which broker ran, and for the extension that closes it.
 */
interface TestKafkaBroker extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}, reachable from the test JVM. */
    String bootstrapServers();

    BrokerKind kind();

    /** What runs where, e.g. {@code embedded KRaft broker at 127.0.0.1:40123}. */
    String description();

    /** Stops the broker and frees what it held; no checked exception, so the JUnit store can call it. */
    @Override
    void close();
}
