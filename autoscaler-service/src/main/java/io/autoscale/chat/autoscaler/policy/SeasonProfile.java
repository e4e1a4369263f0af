package io.autoscale.chat.autoscaler.policy;

/**
 * The mean load of each bucket of the last season, for instance of each 5 minutes of the last day.
 * Seasons are aligned on event time zero, so a day's buckets start at midnight UTC. A bucket is
 * written when it completes, so the profile always holds the most recent season; it is
 * {@linkplain #ready() ready} once a whole season of buckets has completed in a row.
 *
 * <p>Means are kept as floats: seven digits are plenty for a load, and they halve the memory that
 * is saved after every window.
 */
final class SeasonProfile {

    private static final long NONE = Long.MIN_VALUE;

    private final long bucketMs;
    private final float[] means;

    private long bucket = NONE;
    private double sum;
    private long count;
    private boolean filledFromStart;
    private int wholeInRow;

    SeasonProfile(long bucketMs, int buckets) {
        this.bucketMs = bucketMs;
        this.means = new float[buckets];
    }

    /**
     * Learns the load of a window whose midpoint is {@code midMs}. A window belongs to the bucket
     * of its midpoint. A bucket is whole when both the bucket before and the bucket after it were
     * seen next to it; a run that starts in the middle of a bucket, or skips one, starts counting
     * whole buckets again.
     */
    void learn(long midMs, long windowMs, double load) {
        long current = Math.floorDiv(midMs, bucketMs);
        if (bucket == NONE) {
            start(current, midMs - current * bucketMs < windowMs);
        } else if (current != bucket) {
            boolean next = current == bucket + 1;
            means[index(bucket)] = (float) (sum / count);
            wholeInRow = filledFromStart && next ? Math.min(means.length, wholeInRow + 1) : 0;
            start(current, next);
        }
        sum += load;
        count++;
    }

    private void start(long newBucket, boolean fromStart) {
        bucket = newBucket;
        sum = 0;
        count = 0;
        filledFromStart = fromStart;
    }

    /** Whether the last {@code buckets} completed buckets are a whole season in a row. */
    boolean ready() {
        return wholeInRow >= means.length;
    }

    /**
     * The profile's load at {@code timeMs}, interpolated linearly between the centres of the two
     * nearest buckets, across the season's end where needed. Meaningful once {@link #ready()}.
     */
    double valueAt(long timeMs) {
        // In half-bucket units, so that bucket centres fall on whole numbers without rounding.
        long halves = 2 * timeMs - bucketMs;
        long below = Math.floorDiv(halves, 2 * bucketMs);
        double fraction = (double) (halves - below * 2 * bucketMs) / (2 * bucketMs);
        return means[index(below)] * (1 - fraction) + means[index(below + 1)] * fraction;
    }

    private int index(long absoluteBucket) {
        return (int) Math.floorMod(absoluteBucket, (long) means.length);
    }

    State save() {
        return new State(means.clone(), bucket, sum, count, filledFromStart, wholeInRow);
    }

    void restore(State state) {
        if (state.means() == null || state.means().length != means.length) {
            throw new IllegalArgumentException("the saved season has "
                    + (state.means() == null ? 0 : state.means().length) + " buckets, the settings give "
                    + means.length);
        }
        System.arraycopy(state.means(), 0, means, 0, means.length);
        bucket = state.bucket();
        sum = state.sum();
        count = state.count();
        filledFromStart = state.filledFromStart();
        wholeInRow = state.wholeInRow();
    }

    /**
     * @param means           each bucket's mean load, by position in the season
     * @param bucket          the bucket being filled, counted from event time zero, or {@link Long#MIN_VALUE}
     * @param sum             the loads learned in that bucket so far
     * @param count           how many windows they came from
     * @param filledFromStart whether that bucket has been seen from its start
     * @param wholeInRow      whole buckets completed in a row, at most one season's
     */
    record State(float[] means, long bucket, double sum, long count, boolean filledFromStart, int wholeInRow) {
    }
}
