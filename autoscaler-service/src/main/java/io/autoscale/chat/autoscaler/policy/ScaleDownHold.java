package io.autoscale.chat.autoscaler.policy;

import java.util.Arrays;

/**
 * The highest recommendation of the last stabilization window, which a scale-down may not go
 * below. Kept as a queue of recommendations, oldest first, each strictly higher than every later
 * one: a recommendation that a later, higher one outlives can never be the highest again. With
 * recommendations within the [min, max] bounds the queue never holds more than {@code max - min + 1}
 * entries, however long the window.
 */
final class ScaleDownHold {

    private final long stabilizationMs;

    private long[] timesMs = new long[0];
    private int[] servers = new int[0];
    private int size;

    ScaleDownHold(long stabilizationMs) {
        this.stabilizationMs = stabilizationMs;
    }

    /** Remembers that {@code recommended} servers were recommended at {@code nowMs}. */
    void record(long nowMs, int recommended) {
        expire(nowMs);
        while (size > 0 && servers[size - 1] <= recommended) {
            size--;
        }
        if (size == timesMs.length) {
            timesMs = Arrays.copyOf(timesMs, Math.max(4, 2 * size));
            servers = Arrays.copyOf(servers, timesMs.length);
        }
        timesMs[size] = nowMs;
        servers[size] = recommended;
        size++;
    }

    /**
     * The highest recommendation made less than the stabilization window before {@code nowMs}, or
     * {@link Integer#MIN_VALUE} when there is none.
     */
    int highest(long nowMs) {
        expire(nowMs);
        return size > 0 ? servers[0] : Integer.MIN_VALUE;
    }

    private void expire(long nowMs) {
        int expired = 0;
        while (expired < size && nowMs - timesMs[expired] >= stabilizationMs) {
            expired++;
        }
        if (expired > 0) {
            System.arraycopy(timesMs, expired, timesMs, 0, size - expired);
            System.arraycopy(servers, expired, servers, 0, size - expired);
            size -= expired;
        }
    }

    State save() {
        return new State(Arrays.copyOf(timesMs, size), Arrays.copyOf(servers, size));
    }

    void restore(State state) {
        if (state.timesMs() == null || state.servers() == null
                || state.timesMs().length != state.servers().length) {
            throw new IllegalArgumentException("the saved recommendations have unmatched times and servers");
        }
        timesMs = state.timesMs().clone();
        servers = state.servers().clone();
        size = timesMs.length;
    }

    /**
     * @param timesMs when each kept recommendation was made, oldest first
     * @param servers the servers it recommended, highest first
     */
    record State(long[] timesMs, int[] servers) {
    }
}
