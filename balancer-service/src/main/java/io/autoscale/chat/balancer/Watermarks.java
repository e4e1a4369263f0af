package io.autoscale.chat.balancer;

import io.autoscale.chat.model.Watermark;
import java.util.Arrays;

/**
 * The latest watermark of every requests-topic partition, keyed by the partition the watermark
 * names (its source), not by where it was read. Event time has reached the minimum over all of
 * them; until every partition has sent one, it has reached nothing.
 */
final class Watermarks {

    static final long NONE = Long.MIN_VALUE;

    private long[] latestMs = new long[0];
    private int reported;
    private long minimumMs = NONE;

    /**
     * Records one watermark; a watermark older than the partition's latest changes nothing.
     *
     * @throws IllegalArgumentException when its partition is outside {@code [0, partitions)}
     */
    void update(Watermark watermark) {
        int partitions = watermark.partitions();
        int partition = watermark.partition();
        if (partitions < 1 || partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("watermark partition must be in [0, partitions), got partition="
                    + partition + " partitions=" + partitions);
        }
        maybeGrow(partitions);

        long previous = latestMs[partition];
        if (previous == NONE) {
            reported++;
        }
        if (previous == NONE || watermark.timeMs() > previous) {
            latestMs[partition] = watermark.timeMs();
            minimumMs = reported == latestMs.length ? min() : NONE;
        }
    }

    /** The latest watermark of every partition, {@link #NONE} for one not reported, for a checkpoint. */
    long[] snapshot() {
        return latestMs.clone();
    }

    /** Watermarks as a {@link #snapshot} left them. */
    static Watermarks restore(long[] latestMs) {
        Watermarks watermarks = new Watermarks();
        watermarks.latestMs = latestMs.clone();
        for (long timeMs : latestMs) {
            if (timeMs != NONE) {
                watermarks.reported++;
            }
        }
        boolean complete = latestMs.length > 0 && watermarks.reported == latestMs.length;
        watermarks.minimumMs = complete ? watermarks.min() : NONE;
        return watermarks;
    }

    /** Event time every partition has passed, or {@link #NONE} while some partition has not reported. */
    long minimumMs() {
        return minimumMs;
    }

    /** The partition's latest watermark, or {@link #NONE}. */
    long latestMs(int partition) {
        return partition < latestMs.length ? latestMs[partition] : NONE;
    }

    int partitions() {
        return latestMs.length;
    }

    /** A topic that gained partitions adds them, unreported, so they hold event time back until they report. */
    private void maybeGrow(int partitions) {
        if (partitions <= latestMs.length) {
            return;
        }
        int before = latestMs.length;
        latestMs = Arrays.copyOf(latestMs, partitions);
        Arrays.fill(latestMs, before, partitions, NONE);
        minimumMs = NONE;
    }

    private long min() {
        long min = Long.MAX_VALUE;
        for (long timeMs : latestMs) {
            min = Math.min(min, timeMs);
        }
        return min;
    }
}
