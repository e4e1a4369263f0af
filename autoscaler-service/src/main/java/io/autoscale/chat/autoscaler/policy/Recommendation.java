package io.autoscale.chat.autoscaler.policy;

/**
 * What a policy would like, before cooldown and bounds.
 *
 * @param servers the servers the policy recommends
 * @param rule    the rule that fired, in words, e.g. "load per server 35.0 > 30.0"
 */
public record Recommendation(int servers, String rule) {
}
