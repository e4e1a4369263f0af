package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.Json;
import java.util.Locale;

/**
 * The original demo's rule: add servers when the load per server rises above the up threshold,
 * remove them when it falls below the down threshold, by a fixed step. After any action, a
 * scale-up waits for the up cooldown and a scale-down for the down cooldown, both in event time.
 * Load per server counts starting servers in the supply ({@link Observation#loadPerServer()}).
 */
public final class ThresholdPolicy implements ScalingPolicy {

    public static final String NAME = "threshold";

    private static final long NEVER = Long.MIN_VALUE;

    private final double scaleUpThreshold;
    private final double scaleDownThreshold;
    private final int step;
    private final long upCooldownMs;
    private final long downCooldownMs;

    private long lastActionMs = NEVER;

    private ThresholdPolicy(double scaleUpThreshold, double scaleDownThreshold, int step, long upCooldownMs,
            long downCooldownMs) {
        if (!(scaleDownThreshold >= 0) || Double.isInfinite(scaleDownThreshold)) {
            throw new IllegalArgumentException(
                    "--scale-down-threshold must be >= 0 load per server, got " + scaleDownThreshold);
        }
        if (!(scaleUpThreshold > scaleDownThreshold) || Double.isInfinite(scaleUpThreshold)) {
            throw new IllegalArgumentException("--scale-up-threshold (" + scaleUpThreshold
                    + ") must be greater than --scale-down-threshold (" + scaleDownThreshold + ")");
        }
        if (step < 1) {
            throw new IllegalArgumentException("--scale-step must be at least 1 server, got " + step);
        }
        if (upCooldownMs < 0) {
            throw new IllegalArgumentException("--scale-up-cooldown must be >= 0 s, got " + upCooldownMs / 1000.0);
        }
        if (downCooldownMs < 0) {
            throw new IllegalArgumentException(
                    "--scale-down-cooldown must be >= 0 s, got " + downCooldownMs / 1000.0);
        }
        this.scaleUpThreshold = scaleUpThreshold;
        this.scaleDownThreshold = scaleDownThreshold;
        this.step = step;
        this.upCooldownMs = upCooldownMs;
        this.downCooldownMs = downCooldownMs;
    }

    /** The rule with one cooldown for both directions. */
    public static ThresholdPolicy of(double scaleUpThreshold, double scaleDownThreshold, int step, long cooldownMs) {
        return new ThresholdPolicy(scaleUpThreshold, scaleDownThreshold, step, cooldownMs, cooldownMs);
    }

    public static ThresholdPolicy of(double scaleUpThreshold, double scaleDownThreshold, int step, long upCooldownMs,
            long downCooldownMs) {
        return new ThresholdPolicy(scaleUpThreshold, scaleDownThreshold, step, upCooldownMs, downCooldownMs);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Proposal propose(Observation observation) {
        int servers = observation.provisioned();
        if (servers < 1) {
            // No server provisioned: any load needs one, and no division by zero is possible.
            int wanted = observation.load() > 0 ? step : 0;
            return Proposal.free(wanted, NAME, "no server provisioned");
        }

        double loadPerServer = observation.loadPerServer();
        if (loadPerServer > scaleUpThreshold) {
            String rule = String.format(Locale.ROOT, "load per server %.1f > %s", loadPerServer,
                    plain(scaleUpThreshold));
            return cooled(observation, servers + step, upCooldownMs, rule);
        }
        if (loadPerServer < scaleDownThreshold) {
            String rule = String.format(Locale.ROOT, "load per server %.1f < %s", loadPerServer,
                    plain(scaleDownThreshold));
            return cooled(observation, servers - step, downCooldownMs, rule);
        }
        return Proposal.free(servers, NAME, String.format(Locale.ROOT, "load per server %.1f within [%s, %s]",
                loadPerServer, plain(scaleDownThreshold), plain(scaleUpThreshold)));
    }

    private Proposal cooled(Observation observation, int wanted, long cooldownMs, String rule) {
        long sinceMs = observation.nowMs() - lastActionMs;
        boolean cooling = lastActionMs != NEVER && sinceMs < cooldownMs;
        // A change the bounds would undo is not held by the cooldown: the bounds hold it.
        int bounded = observation.bounds().clamp(wanted);
        if (cooling && bounded != observation.provisioned()) {
            String left = String.format(Locale.ROOT, "cooldown (%.1f s left)", (cooldownMs - sinceMs) / 1000.0);
            return Proposal.held(observation.provisioned(), wanted, NAME, rule, left);
        }
        return Proposal.free(wanted, NAME, rule);
    }

    @Override
    public void onDecided(Observation observation, Proposal proposal, int decided) {
        if (decided != observation.provisioned()) {
            lastActionMs = observation.nowMs();
        }
    }

    @Override
    public byte[] saveState() {
        return Json.toBytes(new State(lastActionMs));
    }

    @Override
    public void restoreState(byte[] state) {
        lastActionMs = Json.fromBytes(state, State.class).lastActionMs();
    }

    @Override
    public String describe() {
        String cooldown = upCooldownMs == downCooldownMs ? "cooldown " + upCooldownMs / 1000.0 + " s"
                : "cooldown up " + upCooldownMs / 1000.0 + " s, down " + downCooldownMs / 1000.0 + " s";
        return NAME + ": up above " + plain(scaleUpThreshold) + " per server, down below "
                + plain(scaleDownThreshold) + ", step " + step + ", " + cooldown;
    }

    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** @param lastActionMs event time of the last scale-up or scale-down, or {@link Long#MIN_VALUE} */
    private record State(long lastActionMs) {
    }
}
