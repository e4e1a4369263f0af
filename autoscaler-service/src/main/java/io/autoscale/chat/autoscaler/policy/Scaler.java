package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.ScalingAction;

/**
 * Turns a policy's recommendation into a decision: clamps it to [min, max] and holds it during the
 * cooldown. Every policy shares these mechanics, so each policy only computes what it wants.
 */
public final class Scaler {

    private final ScalingPolicy policy;
    private final ScalingBounds bounds;

    public Scaler(ScalingPolicy policy, ScalingBounds bounds) {
        this.policy = policy;
        this.bounds = bounds;
    }

    public ScalingBounds bounds() {
        return bounds;
    }

    public ScalingPolicy policy() {
        return policy;
    }

    /**
     * Decides at event time {@code nowMs}, the end of the window whose load is {@code load}.
     * A negative or NaN load counts as zero.
     */
    public Outcome decide(double load, ScalerState state, long nowMs) {
        double safeLoad = load > 0 ? load : 0;
        int current = state.servers();

        // A state outside the bounds (a fresh store, or bounds changed between runs) is corrected
        // at once: the bounds are a promise, not a preference.
        if (current != bounds.clamp(current)) {
            int corrected = bounds.clamp(current);
            return new Outcome(corrected, corrected > current ? ScalingAction.SCALE_UP : ScalingAction.SCALE_DOWN,
                    corrected, "servers in force " + current + " outside [" + bounds.minServers() + ", "
                    + bounds.maxServers() + "]");
        }

        Recommendation recommendation = policy.recommend(safeLoad, current);
        int target = bounds.clamp(recommendation.servers());
        boolean clamped = target != recommendation.servers();
        boolean wantsChange = target != current;
        boolean inCooldown = state.lastActionMs() != ScalerState.NEVER
                && nowMs - state.lastActionMs() < bounds.cooldownMs();

        if (!wantsChange) {
            String held = clamped ? "; held at " + (target == bounds.maxServers() ? "max " : "min ") + target : "";
            return new Outcome(current, ScalingAction.NONE, recommendation.servers(), recommendation.rule() + held);
        }
        if (inCooldown) {
            long remainingMs = bounds.cooldownMs() - (nowMs - state.lastActionMs());
            return new Outcome(current, ScalingAction.NONE, recommendation.servers(),
                    recommendation.rule() + "; held by cooldown (" + remainingMs + " ms left)");
        }

        ScalingAction action = target > current ? ScalingAction.SCALE_UP : ScalingAction.SCALE_DOWN;
        String note = clamped ? "; clamped to " + target : "";
        return new Outcome(target, action, recommendation.servers(), recommendation.rule() + note);
    }
}
