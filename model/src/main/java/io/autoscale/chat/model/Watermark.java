package io.autoscale.chat.model;

/**
 * The producer's promise that no event earlier than {@code timeMs} will follow on this partition.
 * Watermarks are what let windows close when traffic stops.
 *
 * @param timeMs     every later event on this partition has an event time of at least this
 * @param partition  the partition this watermark was written to
 * @param partitions how many partitions the requests topic has, so a reader knows how many
 *                   watermarks make up a complete view of event time
 */
public record Watermark(long timeMs, int partition, int partitions) implements ChatEvent {
}
