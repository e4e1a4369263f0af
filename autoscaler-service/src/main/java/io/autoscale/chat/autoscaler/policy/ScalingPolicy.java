package io.autoscale.chat.autoscaler.policy;

/**
 * A scaling rule with its memory. Once per window it proposes the servers it wants; the
 * {@link Scaler} then applies the [min, max] bounds and tells it what was decided, so that it can
 * remember actions (cooldowns, rate limits) and recommendations (stabilization, forecasts).
 *
 * <p>A policy is mutable and driven by one thread. Its memory goes to a fault-tolerant store after
 * every window as {@link #saveState()} and comes back through {@link #restoreState(byte[])}: a
 * restored policy decides exactly as the original would have.
 */
public interface ScalingPolicy {

    /** The policy's name, as {@code --policy} spells it. */
    String name();

    /** What the policy wants at the end of the window described by {@code observation}. */
    Proposal propose(Observation observation);

    /**
     * Learns what was decided after {@link #propose}: {@code decided} servers provisioned from
     * {@code observation.nowMs()} on, which differs from {@code observation.provisioned()} when the
     * servers changed.
     */
    void onDecided(Observation observation, Proposal proposal, int decided);

    /** The policy's memory, as JSON. */
    byte[] saveState();

    /** Takes back a memory written by {@link #saveState()} of a policy with the same settings. */
    void restoreState(byte[] state);

    /** A one-line description of the policy and its settings, for the run's configuration block. */
    String describe();
}
