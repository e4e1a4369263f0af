package io.autoscale.chat.model;

/**
 * Written by the producer on the control topic once every request of the experiment has been
 * sent and acknowledged. The metrics service ends the run when it has accounted for
 * {@code requestsProduced} requests and decided every window up to {@code endTimeMs}.
 *
 * @param requestsProduced requests sent in the experiment
 * @param endTimeMs        event time at which the experiment ends
 */
public record RunEnded(long requestsProduced, long endTimeMs) {
}
