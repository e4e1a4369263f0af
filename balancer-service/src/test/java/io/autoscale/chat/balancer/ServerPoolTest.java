package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerPoolTest {

    private final ServerModel model = new ServerModel(10, 50);

    @Test
    void routesRoundRobinFromServerZero() {
        ServerPool pool = new ServerPool(model, 3);

        assertThat(route(pool, 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void roundRobinKeepsCyclingPastIntegerMaxValue() {
        long start = Integer.MAX_VALUE - 2L;
        ServerPool pool = new ServerPool(model, 3, start);

        List<Integer> expected = new ArrayList<>();
        for (long position = start; position < start + 6; position++) {
            expected.add(Math.floorMod(position, 3));
        }
        assertThat(route(pool, 6)).containsExactlyElementsOf(expected).allMatch(server -> server >= 0);
    }

    @Test
    void roundRobinNeverBreaksAtLongMaxValue() {
        ServerPool pool = new ServerPool(model, 3, Long.MAX_VALUE - 1);
        int first = Math.floorMod(Long.MAX_VALUE - 1, 3);

        List<Integer> servers = route(pool, 9);

        for (int i = 0; i < servers.size(); i++) {
            assertThat(servers.get(i)).isEqualTo((first + i) % 3);
        }
    }

    @Test
    void growingAddsIdleServers() {
        ServerPool pool = new ServerPool(model, 1);
        pool.server(0).acceptMs(0);
        pool.server(0).acceptMs(0);

        pool.resize(3);

        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.server(0).busyUntilMs()).isEqualTo(200.0);
        assertThat(pool.server(1).busyUntilMs()).isZero();
        assertThat(pool.server(2).busyUntilMs()).isZero();
    }

    @Test
    void shrinkingRemovesTheHighestNumberedServersAndKeepsTheOthersBacklog() {
        ServerPool pool = new ServerPool(model, 3);
        for (int i = 0; i < 3; i++) {
            pool.server(i).acceptMs(0);
        }

        pool.resize(2);
        pool.resize(3);

        assertThat(pool.server(0).busyUntilMs()).isEqualTo(100.0);
        assertThat(pool.server(1).busyUntilMs()).isEqualTo(100.0);
        assertThat(pool.server(2).busyUntilMs()).isZero();
    }

    @Test
    void shrinkingBelowTheNextServerRestartsFromServerZero() {
        ServerPool pool = new ServerPool(model, 4);
        route(pool, 3);

        pool.resize(2);

        assertThat(route(pool, 3)).containsExactly(0, 1, 0);
    }

    @Test
    void routeOverFewerServersFoldsIntoThem() {
        ServerPool pool = new ServerPool(model, 4);
        route(pool, 3);

        assertThat(pool.routeOver(2)).isEqualTo(1);
        assertThat(pool.route()).isEqualTo(0);
        assertThat(pool.routeOver(8)).isEqualTo(1);
    }

    @Test
    void rejectsFewerThanOneServer() {
        assertThatThrownBy(() -> new ServerPool(model, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("servers in force must be at least 1, got 0");
        ServerPool pool = new ServerPool(model, 2);
        assertThatThrownBy(() -> pool.resize(-1)).hasMessage("servers in force must be at least 1, got -1");
        assertThatThrownBy(() -> pool.routeOver(0)).hasMessage("servers in force must be at least 1, got 0");
    }

    private static List<Integer> route(ServerPool pool, int requests) {
        List<Integer> servers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            servers.add(pool.route());
        }
        return servers;
    }
}
