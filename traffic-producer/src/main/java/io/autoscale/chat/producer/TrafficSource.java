package io.autoscale.chat.producer;

/**
 * Traffic delivered one second at a time, so that the publisher can write a watermark once a
 * second is complete.
 *
 * <p>Second {@code s} holds events stamped in {@code [s * 1000, (s + 1) * 1000)} ms. Within a
 * second, its session joins and leaves come first, then its requests in event-time order, with
 * dense request ids from 0 across the whole source.
 */
public interface TrafficSource extends AutoCloseable {

    /** Returned by {@link #durationSeconds()} when the length is known only once the source ends. */
    int UNKNOWN_DURATION = -1;

    /** Seconds this source will deliver, or {@link #UNKNOWN_DURATION}. */
    int durationSeconds();

    /**
     * Delivers every event of the next second to {@code sink}.
     *
     * @return {@code false}, having delivered nothing, when the source has no more seconds
     */
    boolean nextSecond(SecondSink sink);

    /** Users connected during the last second delivered; 0 for sources without sessions. */
    int connectedUsers();

    /** What this source is, for logs. */
    String describe();

    @Override
    default void close() {
    }
}
