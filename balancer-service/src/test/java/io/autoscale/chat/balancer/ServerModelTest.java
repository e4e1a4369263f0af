package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerModelTest {

    @Test
    void intervalIsTheInverseOfCapacity() {
        assertThat(new ServerModel(10, 50).intervalMs()).isEqualTo(100.0);
        assertThat(new ServerModel(0.5, 0).intervalMs()).isEqualTo(2000.0);
    }

    @Test
    void rejectsZeroCapacityNamingTheOption() {
        assertThatThrownBy(() -> new ServerModel(0, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--server-capacity must be > 0 requests/s, got 0");
    }

    @Test
    void rejectsNegativeNanAndInfiniteCapacity() {
        assertThatThrownBy(() -> new ServerModel(-2.5, 50))
                .hasMessage("--server-capacity must be > 0 requests/s, got -2.5");
        assertThatThrownBy(() -> new ServerModel(Double.NaN, 50))
                .hasMessage("--server-capacity must be > 0 requests/s, got NaN");
        assertThatThrownBy(() -> new ServerModel(Double.POSITIVE_INFINITY, 50))
                .hasMessage("--server-capacity must be > 0 requests/s, got Infinity");
    }

    @Test
    void rejectsNegativeServiceTimeNamingTheOption() {
        assertThatThrownBy(() -> new ServerModel(10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--service-time-ms must be >= 0 ms, got -1");
    }

    @Test
    void acceptsZeroServiceTime() {
        assertThat(new ServerModel(10, 0).serviceTimeMs()).isZero();
    }
}
