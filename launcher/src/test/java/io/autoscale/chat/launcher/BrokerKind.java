package io.autoscale.chat.launcher;

/** Which Kafka broker a test class runs against. */
enum BrokerKind {

    /** Testcontainers' {@code apache/kafka} image, on a Docker engine. */
    CONTAINER,

    /** The project's own KRaft broker, inside the test JVM: needs nothing but the classpath. */
    EMBEDDED
}
