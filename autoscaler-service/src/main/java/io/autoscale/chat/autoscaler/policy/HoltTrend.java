package io.autoscale.chat.autoscaler.policy;

/**
 * Holt's linear exponential smoothing of the per-window load: a level that follows the load and a
 * trend, in load per millisecond, that follows the level's slope. Unlike a plain moving average it
 * has no lag on a steady ramp, which is what lets it see a rise one startup delay ahead.
 */
final class HoltTrend {

    private static final long NEVER = Long.MIN_VALUE;

    private final double levelSmoothing;
    private final double trendSmoothing;

    private double level;
    private double trendPerMs;
    private long lastMs = NEVER;

    /**
     * @param levelSmoothing weight of a window's load in the level, in (0, 1]
     * @param trendSmoothing weight of a window's slope in the trend, in (0, 1]
     */
    HoltTrend(double levelSmoothing, double trendSmoothing) {
        this.levelSmoothing = levelSmoothing;
        this.trendSmoothing = trendSmoothing;
    }

    /**
     * Learns the load of the window ending at {@code nowMs}. After a gap longer than
     * {@code gapLimitMs} the model starts again from this load: a slope measured before the gap says
     * nothing about the load after it, and extrapolating it over the gap would throw the level far off.
     */
    void learn(long nowMs, double load, long gapLimitMs) {
        long elapsedMs = nowMs - lastMs;
        boolean fresh = lastMs == NEVER || elapsedMs <= 0 || elapsedMs > gapLimitMs;
        if (fresh) {
            level = load;
            trendPerMs = 0;
            lastMs = nowMs;
            return;
        }

        double previous = level;
        level = levelSmoothing * load + (1 - levelSmoothing) * (level + trendPerMs * elapsedMs);
        trendPerMs = trendSmoothing * (level - previous) / elapsedMs + (1 - trendSmoothing) * trendPerMs;
        lastMs = nowMs;
    }

    boolean started() {
        return lastMs != NEVER;
    }

    double level() {
        return level;
    }

    /** The load {@code horizonMs} after the last window learned, never below zero. */
    double forecast(long horizonMs) {
        return Math.max(0, level + trendPerMs * horizonMs);
    }

    State save() {
        return new State(level, trendPerMs, lastMs);
    }

    void restore(State state) {
        level = state.level();
        trendPerMs = state.trendPerMs();
        lastMs = state.lastMs();
    }

    /** @param lastMs end of the last window learned, or {@link Long#MIN_VALUE} before the first */
    record State(double level, double trendPerMs, long lastMs) {
    }
}
