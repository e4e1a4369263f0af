package io.autoscale.chat.balancer;

/**
 * One simulated server. Requests queue behind its backlog, which drains at the server's capacity;
 * everything is computed in event time, so the result does not depend on when a request arrives
 * in wall time.
 */
public final class Server {

    private final double intervalMs;
    private double busyUntilMs;

    /** A fresh, idle server. */
    public Server(ServerModel model) {
        this(model, 0);
    }

    /** A server whose backlog drains at {@code busyUntilMs}, as a checkpoint recorded it. */
    public Server(ServerModel model, double busyUntilMs) {
        this.intervalMs = model.intervalMs();
        this.busyUntilMs = busyUntilMs;
    }

    /**
     * Takes one request stamped {@code timeMs} into the backlog.
     *
     * @return the time the request waits before its turn, in ms
     */
    public double acceptMs(long timeMs) {
        double start = Math.max(timeMs, busyUntilMs);
        busyUntilMs = start + intervalMs;
        return start - timeMs;
    }

    /** Event time at which the backlog is drained; 0 for a server that never served. */
    public double busyUntilMs() {
        return busyUntilMs;
    }
}
