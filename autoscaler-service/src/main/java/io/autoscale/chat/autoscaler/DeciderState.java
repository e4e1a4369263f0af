package io.autoscale.chat.autoscaler;

import io.autoscale.chat.autoscaler.policy.ScalerState;

/**
 * What the deciding task keeps between windows, in a fault-tolerant store.
 *
 * @param scaler           servers in force and time of the last action
 * @param connectedUsers   users connected at the end of the last decided window
 * @param decidedThroughMs every window ending at or before this has been decided
 */
record DeciderState(ScalerState scaler, long connectedUsers, long decidedThroughMs) {
}
