package io.autoscale.chat.balancer;

/**
 * How one simulated server behaves: its backlog drains at {@code capacityPerSecond}, and every
 * request also spends {@code serviceTimeMs} being served once its turn comes.
 *
 * @param capacityPerSecond requests per second one server serves; finite and {@code > 0}
 * @param serviceTimeMs     time to serve one request on an idle server; finite and {@code >= 0}
 */
public record ServerModel(double capacityPerSecond, double serviceTimeMs) {

    public ServerModel {
        if (!(capacityPerSecond > 0) || Double.isInfinite(capacityPerSecond)) {
            throw new IllegalArgumentException("--server-capacity must be > 0 requests/s, got "
                    + format(capacityPerSecond));
        }
        if (!(serviceTimeMs >= 0) || Double.isInfinite(serviceTimeMs)) {
            throw new IllegalArgumentException("--service-time-ms must be >= 0 ms, got " + format(serviceTimeMs));
        }
    }

    /** Event time one request occupies a server's backlog: the inverse of its capacity. */
    public double intervalMs() {
        return 1000.0 / capacityPerSecond;
    }

    private static String format(double value) {
        boolean whole = value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15;
        return whole ? Long.toString((long) value) : Double.toString(value);
    }
}
