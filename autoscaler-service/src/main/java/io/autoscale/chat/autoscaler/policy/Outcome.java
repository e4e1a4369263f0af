package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.ScalingAction;

/**
 * A decision before it becomes a record: the servers after it, the action, and why.
 *
 * @param servers        servers in force after the decision
 * @param action         scale-up, scale-down or none
 * @param recommendation what the policy wanted before cooldown and bounds
 * @param reason         the rule that fired and what held it back, if anything
 */
public record Outcome(int servers, ScalingAction action, int recommendation, String reason) {
}
