package io.autoscale.chat.autoscaler.policy;

/**
 * A scaling rule: from the load measured in one window and the servers in force, the number of
 * servers it would like. Cooldown and the [min, max] bounds are not its business: {@link Scaler}
 * applies them the same way for every policy.
 */
public interface ScalingPolicy {

    /**
     * @param load    the window's measured load, never negative
     * @param servers servers in force during the window, at least 1
     */
    Recommendation recommend(double load, int servers);

    /** A one-line description of the policy and its settings, for the run's configuration block. */
    String describe();
}
