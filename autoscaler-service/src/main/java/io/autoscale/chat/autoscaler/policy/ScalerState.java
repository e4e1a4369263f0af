package io.autoscale.chat.autoscaler.policy;

/**
 * What the autoscaler remembers between windows; kept in a fault-tolerant state store.
 *
 * @param servers      servers in force now
 * @param lastActionMs event time of the last scale-up or scale-down, or {@link #NEVER}
 */
public record ScalerState(int servers, long lastActionMs) {

    public static final long NEVER = Long.MIN_VALUE;

    public static ScalerState initial(ScalingBounds bounds) {
        return new ScalerState(bounds.minServers(), NEVER);
    }
}
