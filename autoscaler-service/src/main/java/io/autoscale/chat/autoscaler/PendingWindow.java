package io.autoscale.chat.autoscaler;

import java.util.BitSet;

/**
 * A window some partitions have reported and others not yet. Reports are merged once per
 * partition: a report seen again after a restart is ignored, so counts stay exact.
 *
 * @param windowStartMs start of the window
 * @param windowEndMs   end of the window
 * @param partitions    reports needed
 * @param reported      bit set of partitions that have reported, as {@link BitSet#toLongArray()}
 * @param requests      requests summed over the reports
 * @param userDelta     joins minus leaves summed over the reports
 * @param lateRequests  late requests summed over the reports
 */
record PendingWindow(
        long windowStartMs,
        long windowEndMs,
        int partitions,
        long[] reported,
        long requests,
        long userDelta,
        long lateRequests) {

    static PendingWindow of(WindowPartial first) {
        return new PendingWindow(first.windowStartMs(), first.windowEndMs(), first.partitions(), new long[0], 0, 0, 0)
                .merge(first);
    }

    boolean hasReport(int partition) {
        return BitSet.valueOf(reported).get(partition);
    }

    PendingWindow merge(WindowPartial partial) {
        if (hasReport(partial.partition())) {
            return this;
        }
        BitSet bits = BitSet.valueOf(reported);
        bits.set(partial.partition());
        return new PendingWindow(windowStartMs, windowEndMs, Math.max(partitions, partial.partitions()),
                bits.toLongArray(), requests + partial.requests(), userDelta + partial.userDelta(),
                lateRequests + partial.lateRequests());
    }

    boolean complete() {
        return BitSet.valueOf(reported).cardinality() >= partitions;
    }
}
