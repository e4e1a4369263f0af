package io.autoscale.chat.balancer;

import java.util.ArrayList;
import java.util.List;

/**
 * The servers in force and the round-robin that spreads requests over them.
 *
 * <p>The round-robin keeps the index of the next server, always in {@code [0, size)}, rather than
 * a growing counter: it is the same as {@code floorMod(position, n)} with {@code position}
 * counting requests, and it cannot overflow however many requests a run routes.
 */
public final class ServerPool {

    private final ServerModel model;
    private final List<Server> servers = new ArrayList<>();
    private int next;

    /** {@code size} fresh servers; the first request goes to server 0. */
    public ServerPool(ServerModel model, int size) {
        this(model, size, 0);
    }

    /** As if {@code startPosition} requests had already been routed over {@code size} servers. */
    public ServerPool(ServerModel model, int size, long startPosition) {
        this.model = model;
        resize(size);
        this.next = Math.floorMod(startPosition, size);
    }

    public int size() {
        return servers.size();
    }

    /**
     * Adds fresh, idle servers or removes the highest-numbered ones. Requests already assigned to
     * a removed server keep the response time they were given.
     *
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public void resize(int size) {
        requireServers(size);
        while (servers.size() < size) {
            servers.add(new Server(model));
        }
        while (servers.size() > size) {
            servers.remove(servers.size() - 1);
        }
        if (next >= size) {
            next = 0;
        }
    }

    /** The server that takes the next request, in round-robin over the servers in force. */
    public int route() {
        int chosen = next;
        next = chosen + 1 == servers.size() ? 0 : chosen + 1;
        return chosen;
    }

    /**
     * The server that takes the next request when it must be spread over only {@code size}
     * servers (a late request of a time when fewer servers were in force). The round-robin
     * advances as for any request; with {@code size} above the servers now in force, the request
     * stays on the servers that still exist.
     */
    public int routeOver(int size) {
        requireServers(size);
        int chosen = route();
        return chosen < size ? chosen : chosen % size;
    }

    public Server server(int index) {
        return servers.get(index);
    }

    private static void requireServers(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("servers in force must be at least 1, got " + size);
        }
    }
}
