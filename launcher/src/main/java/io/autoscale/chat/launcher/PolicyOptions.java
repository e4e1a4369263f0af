package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.AutoscalerConfig;
import io.autoscale.chat.autoscaler.LoadMeasure;
import io.autoscale.chat.autoscaler.policy.Scaler;
import io.autoscale.chat.autoscaler.policy.ScalingBounds;
import io.autoscale.chat.autoscaler.policy.ThresholdPolicy;
import picocli.CommandLine.Option;

/** How the autoscaler windows the load and decides. */
final class PolicyOptions {

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "threshold",
            description = "Scaling policy, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PolicyKind policy;

    @Option(names = "--scale-up-threshold", paramLabel = "LOAD",
            description = "Add a server when the load per server is above this "
                    + "(default: 30 users, or 40 req/s with --trace or --load-measure requests).")
    Double scaleUpThreshold;

    @Option(names = "--scale-down-threshold", paramLabel = "LOAD",
            description = "Remove a server when the load per server is below this "
                    + "(default: 10 users, or 15 req/s with --trace or --load-measure requests).")
    Double scaleDownThreshold;

    @Option(names = "--min-servers", defaultValue = "2", description = "Fewest servers (default: ${DEFAULT-VALUE}).")
    int minServers;

    @Option(names = "--max-servers", defaultValue = "10", description = "Most servers (default: ${DEFAULT-VALUE}).")
    int maxServers;

    @Option(names = "--cooldown", paramLabel = "SECONDS", defaultValue = "5",
            description = "Event time after a scaling action before the next one (default: ${DEFAULT-VALUE}).")
    double cooldownSeconds;

    @Option(names = "--scale-step", paramLabel = "SERVERS", defaultValue = "1",
            description = "Servers added or removed by one action (default: ${DEFAULT-VALUE}).")
    int scaleStep;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "1",
            description = "Event-time window; one decision per window (default: ${DEFAULT-VALUE}).")
    double windowSeconds;

    void validateWindow() {
        if (!(windowSeconds > 0)) {
            throw new IllegalArgumentException("--window must be > 0 s, got " + windowSeconds);
        }
    }

    void validateCooldown() {
        if (!(cooldownSeconds >= 0)) {
            throw new IllegalArgumentException("--cooldown must be >= 0 s, got " + cooldownSeconds);
        }
    }

    /** Thresholds default by what the load is: users for the synthetic ramp, req/s for traces. */
    AutoscalerConfig autoscalerConfig(LoadMeasure measure) {
        boolean requestRate = measure == LoadMeasure.REQUEST_RATE;
        double up = scaleUpThreshold != null ? scaleUpThreshold
                : requestRate ? ExperimentPlan.TRACE_SCALE_UP : ExperimentPlan.USERS_SCALE_UP;
        double down = scaleDownThreshold != null ? scaleDownThreshold
                : requestRate ? ExperimentPlan.TRACE_SCALE_DOWN : ExperimentPlan.USERS_SCALE_DOWN;
        long cooldownMs = Math.round(cooldownSeconds * 1000);
        Scaler scaler = new Scaler(ThresholdPolicy.of(up, down, scaleStep),
                new ScalingBounds(minServers, maxServers, cooldownMs));
        return new AutoscalerConfig(Math.round(windowSeconds * 1000), measure, scaler);
    }
}
