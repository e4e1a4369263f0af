package io.autoscale.chat.producer;

/**
 * What a whole trace holds, from one validating pass.
 *
 * @param seconds              per-second counts in the trace: its length in seconds
 * @param requests             sum of the counts
 * @param peakRequestsPerSecond largest count
 */
public record TraceSummary(long seconds, long requests, int peakRequestsPerSecond) {
}
