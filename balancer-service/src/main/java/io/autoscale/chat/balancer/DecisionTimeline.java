package io.autoscale.chat.balancer;

import io.autoscale.chat.model.ScalingDecision;
import java.util.Arrays;

/**
 * The decisions known, in window order, so that a request stamped {@code t} finds the servers in
 * force at {@code t}.
 *
 * <p>Every decision is kept, as three primitive numbers (20 bytes; a day of 1-second windows is
 * under 2 MB): a routing instance that takes over a requests partition may re-read requests from
 * far back, and must route them exactly as the first reading did.
 */
final class DecisionTimeline {

    static final long NONE = Long.MIN_VALUE;

    private long[] startsMs = new long[256];
    private long[] endsMs = new long[256];
    private int[] servers = new int[256];
    private int size;
    private int cursor;

    /**
     * Appends a decision. One for a window already known (a decision read again) is ignored.
     *
     * @return {@code false} when it was already known
     * @throws IllegalArgumentException when the decision cannot route anything
     */
    boolean add(ScalingDecision decision) {
        if (decision.serversBefore() < 1) {
            throw new IllegalArgumentException("decision serversBefore must be at least 1, got "
                    + decision.serversBefore() + " for window " + decision.windowStartMs());
        }
        if (decision.windowEndMs() <= decision.windowStartMs()) {
            throw new IllegalArgumentException("decision window must end after it starts, got ["
                    + decision.windowStartMs() + ", " + decision.windowEndMs() + ")");
        }
        if (size > 0 && decision.windowStartMs() < decidedUntilMs()) {
            return false;
        }
        if (size == startsMs.length) {
            startsMs = Arrays.copyOf(startsMs, size * 2);
            endsMs = Arrays.copyOf(endsMs, size * 2);
            servers = Arrays.copyOf(servers, size * 2);
        }
        startsMs[size] = decision.windowStartMs();
        endsMs[size] = decision.windowEndMs();
        servers[size] = decision.serversBefore();
        size++;
        return true;
    }

    /** End of the last window decided, or {@link #NONE} before the first decision. */
    long decidedUntilMs() {
        return size > 0 ? endsMs[size - 1] : NONE;
    }

    /** Whether the servers in force at {@code timeMs} are known. */
    boolean covers(long timeMs) {
        return size > 0 && timeMs < endsMs[size - 1];
    }

    /**
     * Servers in force at {@code timeMs}: those of the last decision starting at or before it. A
     * time before every decision gets the earliest one, so that no request waits for a decision
     * that will never come; a gap between windows keeps the decision before it.
     *
     * @throws IllegalStateException before the first decision
     */
    int serversAt(long timeMs) {
        if (size == 0) {
            throw new IllegalStateException("no decision known yet");
        }
        boolean cursorHolds = startsMs[cursor] <= timeMs && (cursor + 1 == size || timeMs < startsMs[cursor + 1]);
        if (!cursorHolds) {
            cursor = search(timeMs);
        }
        return servers[cursor];
    }

    int size() {
        return size;
    }

    private int search(long timeMs) {
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (startsMs[middle] <= timeMs) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
