package io.autoscale.chat.producer;

import java.util.Objects;

/**
 * How synthetic users behave.
 *
 * @param profile     concurrent users per second
 * @param seed        the only source of randomness: the same seed gives the same events
 * @param thinkTimeMs mean of the exponentially distributed pause between two messages of a user
 * @param messageSize size of each message body
 */
public record SyntheticConfig(RampProfile profile, long seed, double thinkTimeMs, MessageSize messageSize) {

    /** A user of a chat room writes a line every few seconds while engaged. */
    public static final double DEFAULT_THINK_TIME_MS = 3000;

    public static final long DEFAULT_SEED = 42;

    public SyntheticConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(messageSize, "messageSize");
        if (!(thinkTimeMs > 0) || Double.isInfinite(thinkTimeMs)) {
            throw new IllegalArgumentException(
                    "--think-time must be a positive finite number of milliseconds, got " + thinkTimeMs);
        }
    }

    public static SyntheticConfig of(RampProfile profile, long seed) {
        return new SyntheticConfig(profile, seed, DEFAULT_THINK_TIME_MS, MessageSize.DEFAULT);
    }
}
