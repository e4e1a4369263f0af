package io.autoscale.chat.autoscaler.policy;

/**
 * The forecasts still waiting for their time to come, oldest first, in a fixed ring. One forecast
 * is recorded per window while the horizon spans fewer windows than the ring holds; a longer
 * horizon records one forecast every few windows, so that the ring, which is saved after every
 * window, never grows.
 */
final class ForecastLedger {

    /** Room for a 2-minute horizon at 1-second windows, about 4 KB when saved. */
    static final int CAPACITY = 128;

    /** Marks a window for which the seasonal model had no forecast. */
    static final float NO_FORECAST = -1;

    private static final long NEVER = Long.MIN_VALUE;

    private final long[] dueMs = new long[CAPACITY];
    private final float[] trend = new float[CAPACITY];
    private final float[] seasonal = new float[CAPACITY];
    private int head;
    private int size;
    private long lastRecordMs = NEVER;

    /** A forecast whose time has come. */
    record Due(long dueMs, double trend, double seasonal) {

        boolean hasSeasonal() {
            return seasonal >= 0;
        }
    }

    /**
     * Takes out the oldest forecast if it is due at or before {@code nowMs}, or returns {@code null}.
     */
    Due pollDue(long nowMs) {
        if (size == 0 || dueMs[head] > nowMs) {
            return null;
        }
        Due due = new Due(dueMs[head], trend[head], seasonal[head]);
        head = (head + 1) % CAPACITY;
        size--;
        return due;
    }

    /**
     * Records the forecasts made at {@code nowMs} for {@code nowMs + horizonMs}, unless the ring
     * records only every few windows for this horizon and the last record is too recent.
     * {@code seasonal} is {@link #NO_FORECAST} when that model had none.
     */
    void maybeRecord(long nowMs, long windowMs, long horizonMs, double trendForecast, double seasonalForecast) {
        long everyMs = Math.max(windowMs, ceilDiv(horizonMs, CAPACITY - 1));
        boolean recent = lastRecordMs != NEVER && nowMs - lastRecordMs < everyMs && nowMs > lastRecordMs;
        if (recent) {
            return;
        }
        if (size == CAPACITY) {
            // Only a horizon that grew between windows gets here: the oldest forecast makes room.
            head = (head + 1) % CAPACITY;
            size--;
        }
        int tail = (head + size) % CAPACITY;
        dueMs[tail] = nowMs + horizonMs;
        trend[tail] = (float) trendForecast;
        seasonal[tail] = (float) seasonalForecast;
        size++;
        lastRecordMs = nowMs;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    State save() {
        long[] savedDue = new long[size];
        float[] savedTrend = new float[size];
        float[] savedSeasonal = new float[size];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % CAPACITY;
            savedDue[i] = dueMs[slot];
            savedTrend[i] = trend[slot];
            savedSeasonal[i] = seasonal[slot];
        }
        return new State(savedDue, savedTrend, savedSeasonal, lastRecordMs);
    }

    void restore(State state) {
        int saved = state.dueMs() == null ? 0 : state.dueMs().length;
        if (saved > CAPACITY || state.trend() == null || state.trend().length != saved
                || state.seasonal() == null || state.seasonal().length != saved) {
            throw new IllegalArgumentException("the saved forecasts are not " + CAPACITY
                    + " or fewer matching entries");
        }
        System.arraycopy(state.dueMs(), 0, dueMs, 0, saved);
        System.arraycopy(state.trend(), 0, trend, 0, saved);
        System.arraycopy(state.seasonal(), 0, seasonal, 0, saved);
        head = 0;
        size = saved;
        lastRecordMs = state.lastRecordMs();
    }

    /**
     * @param dueMs        when each waiting forecast comes due, oldest first
     * @param trend        the trend model's forecast for that time
     * @param seasonal     the seasonal model's, or -1 where it had none
     * @param lastRecordMs when the last forecast was recorded, or {@link Long#MIN_VALUE}
     */
    record State(long[] dueMs, float[] trend, float[] seasonal, long lastRecordMs) {
    }
}
