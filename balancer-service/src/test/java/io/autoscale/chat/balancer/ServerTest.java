package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTest {

    private final ServerModel model = new ServerModel(10, 50);

    @Test
    void overloadedServerWaitGrowsLinearlyWithItsBacklog() {
        Server server = new Server(model);

        double[] waits = new double[5];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = server.acceptMs(0);
        }

        assertThat(waits).containsExactly(0, 100, 200, 300, 400);
        assertThat(server.busyUntilMs()).isEqualTo(500.0);
    }

    @Test
    void requestsSpacedBeyondTheIntervalNeverWait() {
        Server server = new Server(model);

        assertThat(server.acceptMs(1_000)).isZero();
        assertThat(server.acceptMs(1_100)).isZero();
        assertThat(server.acceptMs(1_250)).isZero();
        assertThat(server.busyUntilMs()).isEqualTo(1_350.0);
    }

    @Test
    void backlogDrainsAtCapacityBetweenArrivals() {
        Server server = new Server(model);
        server.acceptMs(0);
        server.acceptMs(0);
        server.acceptMs(0);

        assertThat(server.acceptMs(150)).isEqualTo(150.0);
    }

    @Test
    void freshServerIsIdle() {
        assertThat(new Server(model).busyUntilMs()).isZero();
    }
}
