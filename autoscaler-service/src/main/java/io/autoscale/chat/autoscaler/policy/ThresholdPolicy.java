package io.autoscale.chat.autoscaler.policy;

import java.util.Locale;

/**
 * The original demo's rule: add servers when the load per server rises above the up threshold,
 * remove them when it falls below the down threshold, by a fixed step.
 */
public final class ThresholdPolicy implements ScalingPolicy {

    private final double scaleUpThreshold;
    private final double scaleDownThreshold;
    private final int step;

    private ThresholdPolicy(double scaleUpThreshold, double scaleDownThreshold, int step) {
        if (!(scaleDownThreshold >= 0)) {
            throw new IllegalArgumentException(
                    "--scale-down-threshold must be >= 0 load per server, got " + scaleDownThreshold);
        }
        if (!(scaleUpThreshold > scaleDownThreshold)) {
            throw new IllegalArgumentException("--scale-up-threshold (" + scaleUpThreshold
                    + ") must be greater than --scale-down-threshold (" + scaleDownThreshold + ")");
        }
        if (step < 1) {
            throw new IllegalArgumentException("--scale-step must be at least 1 server, got " + step);
        }
        this.scaleUpThreshold = scaleUpThreshold;
        this.scaleDownThreshold = scaleDownThreshold;
        this.step = step;
    }

    public static ThresholdPolicy of(double scaleUpThreshold, double scaleDownThreshold, int step) {
        return new ThresholdPolicy(scaleUpThreshold, scaleDownThreshold, step);
    }

    @Override
    public Recommendation recommend(double load, int servers) {
        if (servers < 1) {
            // No server in force: any load needs one, and no division by zero is possible.
            return new Recommendation(load > 0 ? step : 0, "no server in force");
        }

        double loadPerServer = load / servers;
        boolean overloaded = loadPerServer > scaleUpThreshold;
        boolean underloaded = loadPerServer < scaleDownThreshold;

        if (overloaded) {
            return new Recommendation(servers + step, String.format(Locale.ROOT,
                    "load per server %.1f > %s", loadPerServer, plain(scaleUpThreshold)));
        }
        if (underloaded) {
            return new Recommendation(servers - step, String.format(Locale.ROOT,
                    "load per server %.1f < %s", loadPerServer, plain(scaleDownThreshold)));
        }
        return new Recommendation(servers, String.format(Locale.ROOT,
                "load per server %.1f within [%s, %s]", loadPerServer,
                plain(scaleDownThreshold), plain(scaleUpThreshold)));
    }

    @Override
    public String describe() {
        return "threshold: up above " + plain(scaleUpThreshold) + " per server, down below "
                + plain(scaleDownThreshold) + ", step " + step;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
