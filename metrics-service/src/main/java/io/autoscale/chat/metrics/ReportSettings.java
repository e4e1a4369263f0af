package io.autoscale.chat.metrics;

/**
 * What the report needs to know beyond the records it reads: the capacity that turns a window's
 * requests into a demand for servers, and the response-time objective that requests are held to.
 *
 * @param capacityPerSecond requests per second one server serves, as the balancer simulates it;
 *                          finite and {@code > 0}
 * @param sloMs             the response-time objective: a request slower than this violates it;
 *                          finite and {@code > 0}
 */
public record ReportSettings(double capacityPerSecond, double sloMs) {

    /** Half a second: a chat reply slower than that feels stuck. */
    public static final double DEFAULT_SLO_MS = 500;

    public ReportSettings {
        if (!(capacityPerSecond > 0) || Double.isInfinite(capacityPerSecond)) {
            throw new IllegalArgumentException("--server-capacity must be > 0 requests/s, got "
                    + format(capacityPerSecond));
        }
        if (!(sloMs > 0) || Double.isInfinite(sloMs)) {
            throw new IllegalArgumentException("--slo-ms must be > 0 ms, got " + format(sloMs));
        }
    }

    /** The given capacity with the default objective of {@value #DEFAULT_SLO_MS} ms. */
    public static ReportSettings withDefaultSlo(double capacityPerSecond) {
        return new ReportSettings(capacityPerSecond, DEFAULT_SLO_MS);
    }

    private static String format(double value) {
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
        return whole ? Long.toString((long) value) : Double.toString(value);
    }
}
