package io.autoscale.chat.autoscaler;

import io.autoscale.chat.autoscaler.policy.Fleet;

/**
 * What the deciding task keeps between windows, in a fault-tolerant store.
 *
 * @param fleet            servers provisioned and starting
 * @param policyState      the policy's memory, as its {@code saveState()} wrote it
 * @param connectedUsers   users connected at the end of the last decided window
 * @param decidedThroughMs every window ending at or before this has been decided
 */
record DeciderState(Fleet fleet, byte[] policyState, long connectedUsers, long decidedThroughMs) {
}
