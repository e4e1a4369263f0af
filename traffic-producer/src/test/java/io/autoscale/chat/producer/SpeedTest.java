package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpeedTest {

    @Test
    void parsesMaxAndPositiveMultiples() {
        assertThat(Speed.parse("max").isMax()).isTrue();
        assertThat(Speed.parse("MAX")).isSameAs(Speed.max());
        assertThat(Speed.parse("20").factor()).isEqualTo(20.0);
        assertThat(Speed.parse("0.5").factor()).isEqualTo(0.5);
        assertThat(Speed.parse(" 1 ")).isEqualTo(Speed.realTime());
    }

    @Test
    void rejectsAnythingElseQuotingTheValue() {
        for (String bad : new String[] {"fast", "0", "-2", "", "NaN", "Infinity", "1e400"}) {
            assertThatThrownBy(() -> Speed.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--speed must be a positive number or 'max', got '" + bad + "'");
        }
        assertThatThrownBy(() -> Speed.parse(null))
                .hasMessage("--speed must be a positive number or 'max', got 'null'");
    }

    @Test
    void rejectsANonPositiveFactor() {
        assertThatThrownBy(() -> Speed.of(0))
                .hasMessage("--speed must be a positive finite multiple of real time or 'max', got 0.0");
    }

    @Test
    void printsAsAMultipleOfRealTime() {
        assertThat(Speed.parse("20")).hasToString("20x");
        assertThat(Speed.parse("0.5")).hasToString("0.5x");
        assertThat(Speed.max()).hasToString("max");
    }
}
