package io.autoscale.chat.balancer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The offsets of the requests still buffered, per partition, so that a commit never passes a
 * request that has not been served yet (at-least-once across a restart).
 *
 * <p>Requests of one partition are normally served in the order they were read, so the oldest
 * offset is the head of a queue; one served out of that order is remembered until the head
 * catches up with it.
 */
final class BufferedOffsets {

    static final long NONE = -1;

    private LongQueue[] buffered = new LongQueue[0];
    private Set<Long>[] servedEarly = newSets(0);

    void add(int partition, long offset) {
        maybeGrow(partition);
        buffered[partition].add(offset);
    }

    void remove(int partition, long offset) {
        LongQueue queue = buffered[partition];
        if (queue.peek() != offset) {
            servedEarly[partition].add(offset);
            return;
        }
        queue.poll();
        Set<Long> early = servedEarly[partition];
        while (!early.isEmpty() && !queue.isEmpty() && early.remove(queue.peek())) {
            queue.poll();
        }
    }

    /** The oldest offset still buffered for the partition, or {@link #NONE}. */
    long oldest(int partition) {
        boolean any = partition < buffered.length && !buffered[partition].isEmpty();
        return any ? buffered[partition].peek() : NONE;
    }

    private void maybeGrow(int partition) {
        if (partition < buffered.length) {
            return;
        }
        int before = buffered.length;
        buffered = Arrays.copyOf(buffered, partition + 1);
        servedEarly = Arrays.copyOf(servedEarly, partition + 1);
        for (int i = before; i <= partition; i++) {
            buffered[i] = new LongQueue();
            servedEarly[i] = new HashSet<>();
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Long>[] newSets(int length) {
        return (Set<Long>[]) new Set<?>[length];
    }
}
