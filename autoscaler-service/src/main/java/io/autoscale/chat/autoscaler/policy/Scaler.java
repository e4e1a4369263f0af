package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.ScalingAction;

/**
 * Turns a policy's proposal into a decision: clamps it to [min, max], orders new servers, which
 * serve only after the startup delay, and cancels or removes servers on the way down. Every policy
 * shares these mechanics, so each policy only says what it wants.
 */
public final class Scaler {

    private final ScalingPolicy policy;
    private final ScalingBounds bounds;
    private final long startupDelayMs;

    public Scaler(ScalingPolicy policy, ScalingBounds bounds, long startupDelayMs) {
        if (startupDelayMs < 0) {
            throw new IllegalArgumentException("--startup-delay must be >= 0 s, got " + startupDelayMs / 1000.0);
        }
        this.policy = policy;
        this.bounds = bounds;
        this.startupDelayMs = startupDelayMs;
    }

    public ScalingBounds bounds() {
        return bounds;
    }

    public ScalingPolicy policy() {
        return policy;
    }

    public long startupDelayMs() {
        return startupDelayMs;
    }

    /** The fleet before the first window: the fewest servers, all serving. */
    public Fleet initialFleet() {
        return Fleet.serving(bounds.minServers());
    }

    /**
     * Decides at the end of the window {@code [windowStartMs, windowEndMs)} whose load is {@code load}.
     * A negative or NaN load counts as zero. A server ordered now serves from the first window
     * boundary at or after {@code windowEndMs + startupDelay}.
     */
    public Outcome decide(double load, Fleet fleet, long windowStartMs, long windowEndMs) {
        double safeLoad = load > 0 ? load : 0;
        long windowMs = windowEndMs - windowStartMs;
        int provisioned = fleet.provisioned();
        Observation observation = new Observation(windowEndMs, windowMs, safeLoad, provisioned,
                fleet.servingAt(windowStartMs), startupDelayMs, bounds);

        // A fleet outside the bounds (a fresh store, or bounds changed between runs) is corrected
        // at once: the bounds are a promise, not a preference.
        if (provisioned != bounds.clamp(provisioned)) {
            int corrected = bounds.clamp(provisioned);
            Proposal correction = Proposal.free(corrected, policy.name(), "servers provisioned " + provisioned
                    + " outside [" + bounds.minServers() + ", " + bounds.maxServers() + "]");
            return act(observation, correction, corrected, fleet, null);
        }

        Proposal proposal = policy.propose(observation);
        int target = bounds.clamp(proposal.desired());
        String heldBy = proposal.heldBy();
        if (target != proposal.desired()) {
            String bound = (target == bounds.maxServers() ? "max " : "min ") + target;
            heldBy = heldBy == null ? bound : heldBy + ", " + bound;
        }
        return act(observation, proposal, target, fleet, heldBy);
    }

    private Outcome act(Observation observation, Proposal proposal, int target, Fleet fleet, String heldBy) {
        long nowMs = observation.nowMs();
        int provisioned = fleet.provisioned();
        ScalingAction action = target > provisioned ? ScalingAction.SCALE_UP
                : target < provisioned ? ScalingAction.SCALE_DOWN : ScalingAction.NONE;
        Fleet next = fleet.resizedTo(target, nowMs, readyAt(nowMs, observation.windowMs()));
        policy.onDecided(observation, proposal, target);

        StringBuilder reason = new StringBuilder(proposal.rule());
        if (proposal.recommendation() != proposal.desired() || target != proposal.recommendation()) {
            reason.append("; recommended ").append(proposal.recommendation());
        }
        if (heldBy != null) {
            reason.append("; held by ").append(heldBy);
        }
        return new Outcome(target, action, proposal.recommendation(), proposal.branch(), proposal.rule(), heldBy,
                reason.toString(), next);
    }

    private long readyAt(long nowMs, long windowMs) {
        long readyMs = nowMs + startupDelayMs;
        if (windowMs <= 0 || startupDelayMs == 0) {
            return readyMs;
        }
        return Math.floorDiv(readyMs + windowMs - 1, windowMs) * windowMs;
    }
}
