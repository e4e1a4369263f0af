package io.autoscale.chat.model;

/**
 * The autoscaler's decision for one event-time window, emitted for every window, "no change"
 * included.
 *
 * <p>{@code serversBefore} is the number of servers in force during the window;
 * {@code serversAfter} is in force from {@code windowEndMs} until the next decision. The balancer
 * routes every request stamped inside the window over {@code serversBefore} servers, which is
 * what makes routing independent of when the decision reaches it.
 *
 * @param windowStartMs  start of the window, inclusive, in event time
 * @param windowEndMs    end of the window, exclusive; the decision takes effect here
 * @param load           the measured load (concurrent users, or requests per second)
 * @param requests       requests stamped inside the window
 * @param connectedUsers users connected at the end of the window
 * @param serversBefore  servers in force during the window
 * @param serversAfter   servers in force from the end of the window
 * @param action         scale-up, scale-down or none
 * @param reason         why the policy decided so, in words
 * @param lateRequests   requests that arrived after the window they belong to had been decided,
 *                       counted since the previous decision
 */
public record ScalingDecision(
        long windowStartMs,
        long windowEndMs,
        double load,
        long requests,
        long connectedUsers,
        int serversBefore,
        int serversAfter,
        ScalingAction action,
        String reason,
        long lateRequests) {

    public boolean changesServers() {
        return action != ScalingAction.NONE;
    }
}
