package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.ScalingAction;

/**
 * A decision before it becomes a record: the servers after it, the action, and why.
 *
 * @param servers        servers provisioned after the decision, starting ones included
 * @param action         scale-up, scale-down or none
 * @param recommendation what the policy's rule asked for, before its holds and the bounds
 * @param branch         which part of the policy decided
 * @param rule           the rule that fired, in words
 * @param heldBy         what held the decision back (cooldown, stabilization, rate limit, warm-up,
 *                       min or max), or {@code null}
 * @param reason         all of the above in one line, for people
 * @param fleet          the servers provisioned and starting after the decision
 */
public record Outcome(
        int servers,
        ScalingAction action,
        int recommendation,
        String branch,
        String rule,
        String heldBy,
        String reason,
        Fleet fleet) {
}
