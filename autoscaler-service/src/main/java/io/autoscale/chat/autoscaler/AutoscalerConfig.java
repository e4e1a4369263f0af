package io.autoscale.chat.autoscaler;

import io.autoscale.chat.autoscaler.policy.Scaler;

/**
 * How the autoscaler windows and decides.
 *
 * @param windowMs    length of an event-time window; one decision is made per window
 * @param loadMeasure what a window's load is
 * @param scaler      the policy with its bounds and cooldown
 */
public record AutoscalerConfig(long windowMs, LoadMeasure loadMeasure, Scaler scaler) {

    public AutoscalerConfig {
        if (windowMs < 1 || windowMs > 3_600_000) {
            throw new IllegalArgumentException("--window must be between 0.001 and 3600 s, got " + windowMs / 1000.0);
        }
        if (loadMeasure == null || scaler == null) {
            throw new IllegalArgumentException("load measure and scaler are required");
        }
    }
}
