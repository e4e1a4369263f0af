package io.autoscale.chat.launcher;

import java.lang.reflect.Parameter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Gives a test class one Kafka broker: a Testcontainers {@code apache/kafka} container where a Docker engine
 * answers, the project's embedded KRaft broker otherwise ({@link BrokerChoice} says how {@code -Dbroker}
 * changes that). The broker starts before the class's first test, is shared by its tests and its
 * {@code @Nested} classes, and is closed after its last, by the JUnit store that holds it.
 *
 * <p>Test methods, constructors and {@code @BeforeAll} methods receive its address through a
 * {@code @BootstrapServers String} parameter, and never learn which kind of broker answers there.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String BROKER_KEY = "broker";

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        boolean wantsAddress = parameterContext.isAnnotated(BootstrapServers.class)
                && parameter.getType() == String.class;
        boolean wantsBroker = parameter.getType() == TestKafkaBroker.class;
        return wantsAddress || wantsBroker;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestKafkaBroker broker = broker(extensionContext);
        boolean wantsBroker = parameterContext.getParameter().getType() == TestKafkaBroker.class;
        return wantsBroker ? broker : broker.bootstrapServers();
    }

    /** The broker of the test class that {@code context} belongs to, started on first use. */
    static TestKafkaBroker broker(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(BROKER_KEY, key -> start(classContext), TestKafkaBroker.class);
    }

    /** A method's store closes after the method: the broker belongs to the class around it. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static TestKafkaBroker start(ExtensionContext classContext) {
        BrokerChoice choice = BrokerChoice.fromSystemProperty(KafkaBrokerExtension::dockerAvailable);
        long startNs = System.nanoTime();
        TestKafkaBroker broker = choice.kind() == BrokerKind.CONTAINER
                ? ContainerTestBroker.start()
                : EmbeddedTestBroker.start();

        // The console line is for whoever reads the build output; the log line for the test log file.
        System.out.println("Kafka for tests: " + broker.description() + " (" + choice.reason() + ")");
        LOG.info("Kafka for tests broker={} bootstrapServers={} reason={} testClass={} startMs={}",
                broker.kind(), broker.bootstrapServers(), choice.reason(), classContext.getDisplayName(),
                elapsedMs(startNs));
        return broker;
    }

    /**
     * Testcontainers tries each way of reaching an engine once per JVM and remembers the answer; where there
     * is none, every attempt fails at once (no socket to open), and its diagnostics go to the log file.
     */
    private static boolean dockerAvailable() {
        long startNs = System.nanoTime();
        boolean available = DockerClientFactory.instance().isDockerAvailable();
        LOG.info("Docker engine probe available={} probeMs={}", available, elapsedMs(startNs));
        return available;
    }

    private static long elapsedMs(long startNs) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
    }
}
