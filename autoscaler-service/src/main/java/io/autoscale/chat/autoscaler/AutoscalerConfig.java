package io.autoscale.chat.autoscaler;

import io.autoscale.chat.autoscaler.policy.Scaler;
import io.autoscale.chat.autoscaler.policy.ScalingBounds;
import io.autoscale.chat.autoscaler.policy.ScalingPolicy;
import java.util.function.Supplier;

/**
 * How the autoscaler windows and decides.
 *
 * @param windowMs       length of an event-time window; one decision is made per window
 * @param loadMeasure    what a window's load is
 * @param policies       makes the policy, fresh, for each task that decides: a policy has memory
 * @param bounds         fewest and most servers
 * @param startupDelayMs event time between ordering a server and its first request
 */
public record AutoscalerConfig(
        long windowMs,
        LoadMeasure loadMeasure,
        Supplier<ScalingPolicy> policies,
        ScalingBounds bounds,
        long startupDelayMs) {

    public AutoscalerConfig {
        if (windowMs < 1 || windowMs > 3_600_000) {
            throw new IllegalArgumentException("--window must be between 0.001 and 3600 s, got " + windowMs / 1000.0);
        }
        if (loadMeasure == null || policies == null || bounds == null) {
            throw new IllegalArgumentException("load measure, policy and bounds are required");
        }
        if (startupDelayMs < 0) {
            throw new IllegalArgumentException("--startup-delay must be >= 0 s, got " + startupDelayMs / 1000.0);
        }
    }

    /** A scaler with a fresh policy. */
    public Scaler newScaler() {
        return new Scaler(policies.get(), bounds, startupDelayMs);
    }

    /** The policy's one-line description, from a fresh instance. */
    public String describePolicy() {
        return policies.get().describe();
    }
}
