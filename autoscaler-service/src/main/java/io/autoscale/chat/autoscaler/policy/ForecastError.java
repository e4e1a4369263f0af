package io.autoscale.chat.autoscaler.policy;

/**
 * A model's recent mean absolute percentage error, exponentially weighted in event time with the
 * error window as time constant, so that each check weighs as much as the time it stands for.
 *
 * <p>A check's error is {@code |forecast - actual| / max(actual, floor)}, capped at 100%. The
 * floor, one server's target load, keeps zero load from dividing by zero and keeps tiny loads from
 * giving huge percentages: below one server's load every forecast asks for the same one server.
 * The cap makes one wild forecast count as fully wrong but no worse, so a single glitch keeps a
 * model out for about one error window rather than for many.
 */
final class ForecastError {

    /**
     * The weight of checks spread over half a time constant: an error resting on less than half
     * the error window is an anecdote, not a measure.
     */
    private static final double MEASURED_WEIGHT = 1 - Math.exp(-0.5);

    private static final long NEVER = Long.MIN_VALUE;

    private final long timeConstantMs;
    private final double floor;

    private double weightedError;
    private double weight;
    private long lastCheckMs = NEVER;

    ForecastError(long timeConstantMs, double floor) {
        this.timeConstantMs = timeConstantMs;
        this.floor = floor;
    }

    /** Compares a forecast made for the window ending at {@code nowMs} with its actual load. */
    void check(double forecast, double actual, long nowMs, long windowMs) {
        double error = Math.min(1, Math.abs(forecast - actual) / Math.max(actual, floor));
        long standsForMs = lastCheckMs == NEVER ? windowMs : Math.max(0, nowMs - lastCheckMs);
        double kept = Math.exp(-(double) standsForMs / timeConstantMs);
        weightedError = weightedError * kept + error * (1 - kept);
        weight = weight * kept + (1 - kept);
        lastCheckMs = nowMs;
    }

    /** Whether enough checks were made for {@link #percent()} to mean something. */
    boolean measured() {
        return weight >= MEASURED_WEIGHT;
    }

    /** The recent error in percent; zero before the first check. */
    double percent() {
        return weight > 0 ? 100 * weightedError / weight : 0;
    }

    void reset() {
        weightedError = 0;
        weight = 0;
        lastCheckMs = NEVER;
    }

    State save() {
        return new State(weightedError, weight, lastCheckMs);
    }

    void restore(State state) {
        weightedError = state.weightedError();
        weight = state.weight();
        lastCheckMs = state.lastCheckMs();
    }

    /**
     * @param weightedError sum of the checks' errors (fractions) times their decayed weights
     * @param weight        sum of the decayed weights, at most 1
     * @param lastCheckMs   event time of the last check, or {@link Long#MIN_VALUE}
     */
    record State(double weightedError, double weight, long lastCheckMs) {
    }
}
