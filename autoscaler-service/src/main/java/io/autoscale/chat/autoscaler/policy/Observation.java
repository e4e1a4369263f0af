package io.autoscale.chat.autoscaler.policy;

/**
 * What a policy sees when it decides at the end of one event-time window.
 *
 * @param nowMs          event time of the decision: the end of the window
 * @param windowMs       length of the window
 * @param load           the window's measured load, never negative nor NaN
 * @param provisioned    servers paid for during the window, those still starting included
 * @param serving        servers that served during the window
 * @param startupDelayMs event time between ordering a server and its first request
 * @param bounds         the fewest and most servers allowed
 */
public record Observation(
        long nowMs,
        long windowMs,
        double load,
        int provisioned,
        int serving,
        long startupDelayMs,
        ScalingBounds bounds) {

    /** Servers ordered but not serving yet. */
    public int starting() {
        return provisioned - serving;
    }

    /**
     * Load per provisioned server: servers still starting count in the supply, as if they carried
     * no load yet, so that a policy does not order again what is already on its way. Zero servers
     * give zero, never a division by zero.
     */
    public double loadPerServer() {
        return provisioned > 0 ? load / provisioned : 0;
    }
}
