package io.autoscale.chat.autoscaler;

/**
 * How far one partition's task has reported windows.
 *
 * @param reportedThroughMs every window ending at or before this has been reported
 * @param lateSinceReport   late requests seen since the last report, carried by the next one
 */
record PartitionProgress(long reportedThroughMs, long lateSinceReport) {

    /** Experiments start at event time 0, so every partition reports windows from there. */
    static final PartitionProgress START = new PartitionProgress(0, 0);
}
