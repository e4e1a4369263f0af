package io.autoscale.chat.autoscaler.policy;

import java.time.Duration;

/**
 * The limits every policy works within.
 *
 * @param minServers fewest servers in force, at least 1
 * @param maxServers most servers in force
 * @param cooldownMs event time after a scaling action during which no other action is taken
 */
public record ScalingBounds(int minServers, int maxServers, long cooldownMs) {

    public ScalingBounds {
        if (minServers < 1) {
            throw new IllegalArgumentException("--min-servers must be at least 1, got " + minServers);
        }
        if (maxServers < minServers) {
            throw new IllegalArgumentException(
                    "--min-servers (" + minServers + ") must not exceed --max-servers (" + maxServers + ")");
        }
        if (cooldownMs < 0) {
            throw new IllegalArgumentException("--cooldown must be >= 0 s, got " + cooldownMs / 1000.0);
        }
    }

    public static ScalingBounds of(int minServers, int maxServers, Duration cooldown) {
        return new ScalingBounds(minServers, maxServers, cooldown.toMillis());
    }

    public int clamp(int servers) {
        return Math.max(minServers, Math.min(maxServers, servers));
    }
}
