package io.autoscale.chat.metrics;

import java.util.BitSet;

/**
 * The request ids seen so far, one bit per id. Request ids are dense sequence numbers, so a run
 * of a million requests costs about 122 KiB here, and no object is kept per request.
 * Ids beyond {@link Integer#MAX_VALUE} are not tracked: they always count as new.
 */
final class SeenIds {

    private final BitSet seen = new BitSet();

    /** Marks {@code id} seen; returns {@code false} when it had been seen already. */
    boolean add(long id) {
        if (id < 0) {
            throw new IllegalArgumentException("request id must be at least 0, got " + id);
        }
        if (id > Integer.MAX_VALUE) {
            return true;
        }
        int index = (int) id;
        if (seen.get(index)) {
            return false;
        }
        seen.set(index);
        return true;
    }
}
