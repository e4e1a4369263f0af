package io.autoscale.chat.model;

/**
 * The autoscaler's decision for one event-time window, emitted for every window, "no change"
 * included, with the reason for it.
 *
 * <p>{@code serversBefore} is the number of servers serving during the window: the balancer routes
 * every request stamped inside the window over them, which is what makes routing independent of
 * when the decision reaches it. {@code provisioned} also counts the servers ordered but still
 * starting, which cost without serving. {@code serversAfter} is the number provisioned from
 * {@code windowEndMs} on; new ones serve only after the startup delay.
 *
 * @param windowStartMs  start of the window, inclusive, in event time
 * @param windowEndMs    end of the window, exclusive; the decision takes effect here
 * @param load           the measured load (concurrent users, or requests per second)
 * @param requests       requests stamped inside the window
 * @param connectedUsers users connected at the end of the window
 * @param serversBefore  servers serving during the window
 * @param serversAfter   servers provisioned from the end of the window, starting ones included
 * @param action         scale-up, scale-down or none
 * @param reason         why the policy decided so, in words: the rule, the recommendation and what
 *                       held it back
 * @param lateRequests   requests that arrived after the window they belong to had been decided,
 *                       counted since the previous decision
 * @param provisioned    servers paid for during the window, starting ones included
 * @param policy         the policy's name
 * @param branch         the part of the policy that decided, e.g. "reactive" or "seasonal forecast"
 * @param rule           the rule that fired, in words
 * @param recommendation servers the rule asked for, before holds and bounds
 * @param heldBy         what held the decision back (cooldown, stabilization, rate limit, warm-up,
 *                       min or max), or {@code null} when nothing did
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
        long lateRequests,
        int provisioned,
        String policy,
        String branch,
        String rule,
        int recommendation,
        String heldBy) {

    /** A decision with no startup delay and no policy detail: what tests and simple tools need. */
    public ScalingDecision(long windowStartMs, long windowEndMs, double load, long requests, long connectedUsers,
            int serversBefore, int serversAfter, ScalingAction action, String reason, long lateRequests) {
        this(windowStartMs, windowEndMs, load, requests, connectedUsers, serversBefore, serversAfter, action, reason,
                lateRequests, serversBefore, "", "", reason, serversAfter, null);
    }

    public boolean changesServers() {
        return action != ScalingAction.NONE;
    }
}
