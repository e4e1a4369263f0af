package io.autoscale.chat.autoscaler.policy;

/**
 * The limits every policy works within.
 *
 * @param minServers fewest servers provisioned, at least 1
 * @param maxServers most servers provisioned, starting ones included
 */
public record ScalingBounds(int minServers, int maxServers) {

    public ScalingBounds {
        if (minServers < 1) {
            throw new IllegalArgumentException("--min-servers must be at least 1, got " + minServers);
        }
        if (maxServers < minServers) {
            throw new IllegalArgumentException(
                    "--min-servers (" + minServers + ") must not exceed --max-servers (" + maxServers + ")");
        }
    }

    public int clamp(int servers) {
        return Math.max(minServers, Math.min(maxServers, servers));
    }
}
