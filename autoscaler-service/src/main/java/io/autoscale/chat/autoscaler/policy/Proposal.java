package io.autoscale.chat.autoscaler.policy;

/**
 * What a policy wants after one window, before the [min, max] bounds.
 *
 * @param desired        servers the policy would provision now, after its own holds
 * @param recommendation servers its rule asked for, before any hold
 * @param branch         which part of the policy decided, e.g. "reactive" or "seasonal forecast";
 *                       the policy's name when it has only one
 * @param rule           the rule that fired, in words, e.g. "load per server 35.0 > 30"
 * @param heldBy         what kept {@code desired} from {@code recommendation}, such as "cooldown (2.0 s
 *                       left)", "stabilization" or "rate limit"; {@code null} when nothing did
 */
public record Proposal(int desired, int recommendation, String branch, String rule, String heldBy) {

    /** A proposal that takes its rule's recommendation as it is. */
    public static Proposal free(int recommendation, String branch, String rule) {
        return new Proposal(recommendation, recommendation, branch, rule, null);
    }

    /** A proposal that a hold kept at {@code desired}. */
    public static Proposal held(int desired, int recommendation, String branch, String rule, String heldBy) {
        return new Proposal(desired, recommendation, branch, rule, heldBy);
    }
}
