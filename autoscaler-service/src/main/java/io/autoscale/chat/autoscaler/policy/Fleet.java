package io.autoscale.chat.autoscaler.policy;

import java.util.Arrays;

/**
 * The servers provisioned and, among them, those still starting: a server ordered at {@code t}
 * serves from {@code readyAtMs} on and costs from {@code t} on. Immutable; kept in the autoscaler's
 * fault-tolerant store.
 *
 * @param provisioned servers paid for, starting ones included
 * @param readyAtMs   event times at which the starting servers begin to serve, ascending
 */
public record Fleet(int provisioned, long[] readyAtMs) {

    public Fleet {
        readyAtMs = readyAtMs == null ? new long[0] : readyAtMs.clone();
        if (provisioned < 0 || readyAtMs.length > provisioned) {
            throw new IllegalArgumentException("a fleet of " + provisioned + " servers cannot have "
                    + readyAtMs.length + " starting");
        }
    }

    /** {@code servers} servers, all serving. */
    public static Fleet serving(int servers) {
        return new Fleet(servers, new long[0]);
    }

    @Override
    public long[] readyAtMs() {
        return readyAtMs.clone();
    }

    /** Servers serving at {@code timeMs}. */
    public int servingAt(long timeMs) {
        int starting = 0;
        for (long ready : readyAtMs) {
            if (ready > timeMs) {
                starting++;
            }
        }
        return provisioned - starting;
    }

    /** This fleet without the record of servers that are serving by {@code timeMs}. */
    public Fleet settledAt(long timeMs) {
        long[] stillStarting = Arrays.stream(readyAtMs).filter(ready -> ready > timeMs).toArray();
        return stillStarting.length == readyAtMs.length ? this : new Fleet(provisioned, stillStarting);
    }

    /**
     * The fleet after provisioning {@code target} servers at {@code nowMs}. New servers serve from
     * {@code readyAtMs}; a smaller fleet first cancels the servers that started last, which serve
     * nobody yet, then takes serving ones out of the balancer.
     */
    public Fleet resizedTo(int target, long nowMs, long readyAtMs) {
        if (target < 0) {
            throw new IllegalArgumentException("a fleet cannot have " + target + " servers");
        }
        Fleet settled = settledAt(nowMs);
        long[] starting = settled.readyAtMs;
        if (target >= settled.provisioned) {
            int added = target - settled.provisioned;
            if (added == 0 || readyAtMs <= nowMs) {
                return new Fleet(target, starting);
            }
            long[] more = Arrays.copyOf(starting, starting.length + added);
            Arrays.fill(more, starting.length, more.length, readyAtMs);
            return new Fleet(target, more);
        }
        int removed = settled.provisioned - target;
        int keptStarting = Math.max(0, starting.length - removed);
        return new Fleet(target, Arrays.copyOf(starting, Math.min(keptStarting, target)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fleet fleet && fleet.provisioned == provisioned
                && Arrays.equals(fleet.readyAtMs, readyAtMs);
    }

    @Override
    public int hashCode() {
        return 31 * provisioned + Arrays.hashCode(readyAtMs);
    }

    @Override
    public String toString() {
        return "Fleet[provisioned=" + provisioned + ", readyAtMs=" + Arrays.toString(readyAtMs) + "]";
    }
}
