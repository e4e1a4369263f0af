package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void unsetTakesTheContainerWhenADockerEngineAnswers() {
        assertThat(BrokerChoice.decide(null, DOCKER))
                .isEqualTo(new BrokerChoice(BrokerKind.CONTAINER, "Docker engine found"));
    }

    @Test
    void unsetFallsBackToTheEmbeddedBrokerWithoutDocker() {
        assertThat(BrokerChoice.decide(null, NO_DOCKER))
                .isEqualTo(new BrokerChoice(BrokerKind.EMBEDDED, "no Docker engine"));
    }

    @Test
    void blankAndAutoMeanTheSameAsUnset() {
        assertThat(BrokerChoice.decide("", NO_DOCKER).kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(BrokerChoice.decide(" auto ", NO_DOCKER).kind()).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(BrokerChoice.decide("AUTO", DOCKER).kind()).isEqualTo(BrokerKind.CONTAINER);
    }

    @Test
    void containerWithDockerTakesTheContainer() {
        assertThat(BrokerChoice.decide("container", DOCKER))
                .isEqualTo(new BrokerChoice(BrokerKind.CONTAINER, "-Dbroker=container"));
    }

    @Test
    void containerWithoutDockerFailsInsteadOfFallingBack() {
        assertThatThrownBy(() -> BrokerChoice.decide("container", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("-Dbroker=container asks for a Kafka container, but Testcontainers found no Docker "
                        + "engine on this machine; start Docker, or run with -Dbroker=embedded (or without "
                        + "-Dbroker) to use the embedded KRaft broker");
    }

    @Test
    void embeddedNeverAsksDocker() {
        AtomicInteger probes = new AtomicInteger();
        BooleanSupplier countingProbe = () -> probes.incrementAndGet() > 0;

        BrokerChoice choice = BrokerChoice.decide("embedded", countingProbe);

        assertThat(choice).isEqualTo(new BrokerChoice(BrokerKind.EMBEDDED, "-Dbroker=embedded"));
        assertThat(probes).hasValue(0);
    }

    @Test
    void asksDockerOnceWhenTheAnswerMatters() {
        AtomicInteger probes = new AtomicInteger();
        BooleanSupplier countingProbe = () -> probes.incrementAndGet() < 0;

        BrokerChoice.decide(null, countingProbe);

        assertThat(probes).hasValue(1);
    }

    @Test
    void rejectsAnUnknownValueNamingTheAllowedOnes() {
        assertThatThrownBy(() -> BrokerChoice.decide("docker", DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dbroker must be container, embedded or auto (unset means auto), got 'docker'");
    }
}
