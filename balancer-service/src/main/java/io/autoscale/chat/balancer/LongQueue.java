package io.autoscale.chat.balancer;

import java.util.NoSuchElementException;

/** A first-in first-out queue of primitive longs: one offset per buffered request, without boxing. */
final class LongQueue {

    private long[] values = new long[16];
    private int first;
    private int size;

    void add(long value) {
        if (size == values.length) {
            grow();
        }
        values[(first + size) & (values.length - 1)] = value;
        size++;
    }

    long peek() {
        requireNotEmpty();
        return values[first];
    }

    long poll() {
        requireNotEmpty();
        long value = values[first];
        first = (first + 1) & (values.length - 1);
        size--;
        return value;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new NoSuchElementException("queue is empty");
        }
    }

    /** Capacity stays a power of two so that wrapping is a mask. */
    private void grow() {
        long[] larger = new long[values.length * 2];
        for (int i = 0; i < size; i++) {
            larger[i] = values[(first + i) & (values.length - 1)];
        }
        values = larger;
        first = 0;
    }
}
