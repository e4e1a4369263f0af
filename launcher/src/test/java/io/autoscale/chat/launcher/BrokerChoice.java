package io.autoscale.chat.launcher;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The broker a test suite uses, and why. The system property {@value #PROPERTY} chooses: unset (or
 * {@code auto}) takes a Kafka container when a Docker engine answers and the embedded broker otherwise;
 * {@code container} insists on the container and fails when there is no engine, so that a CI job meant
 * to test against the real image never passes on the fallback unnoticed; {@code embedded} never asks
 * Docker at all.
 *
 * @param kind   the broker to start
 * @param reason why, for the line that tells a reader of the build log which broker ran
 */
record BrokerChoice(BrokerKind kind, String reason) {

    static final String PROPERTY = "broker";

    BrokerChoice {
        if (kind == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a broker choice needs a kind and a reason, got " + kind
                    + " and '" + reason + "'");
        }
    }

    /** Reads {@value #PROPERTY} from the system properties and asks Docker only when the answer matters. */
    static BrokerChoice fromSystemProperty(BooleanSupplier dockerAvailable) {
        return decide(System.getProperty(PROPERTY), dockerAvailable);
    }

    /**
     * @param property        the value of {@code -Dbroker}, or null when unset
     * @param dockerAvailable asked at most once, and not at all for {@code embedded}
     * @throws IllegalStateException    for {@code container} when no Docker engine is available
     * @throws IllegalArgumentException for a value other than auto, container or embedded
     */
    static BrokerChoice decide(String property, BooleanSupplier dockerAvailable) {
        String wanted = property == null ? "" : property.strip().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "", "auto" -> {
                boolean docker = dockerAvailable.getAsBoolean();
                return docker
                        ? new BrokerChoice(BrokerKind.CONTAINER, "Docker engine found")
                        : new BrokerChoice(BrokerKind.EMBEDDED, "no Docker engine");
            }
            case "container" -> {
                boolean docker = dockerAvailable.getAsBoolean();
                if (!docker) {
                    throw new IllegalStateException("-D" + PROPERTY + "=container asks for a Kafka container, "
                            + "but Testcontainers found no Docker engine on this machine; start Docker, or run "
                            + "with -D" + PROPERTY + "=embedded (or without -D" + PROPERTY
                            + ") to use the embedded KRaft broker");
                }
                return new BrokerChoice(BrokerKind.CONTAINER, "-D" + PROPERTY + "=container");
            }
            case "embedded" -> {
                return new BrokerChoice(BrokerKind.EMBEDDED, "-D" + PROPERTY + "=embedded");
            }
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be container, embedded or auto "
                    + "(unset means auto), got '" + property + "'");
        }
    }
}
