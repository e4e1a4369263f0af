package io.autoscale.chat.autoscaler.policy;

import io.autoscale.chat.model.ScalingAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a scaler through consecutive windows of one second, carrying the fleet from each outcome
 * to the next, as the deciding task does.
 */
final class ScalerRun {

    static final long WINDOW_MS = 1_000;

    private final Scaler scaler;
    private final List<Outcome> outcomes = new ArrayList<>();
    private Fleet fleet;
    private long windowStartMs;

    ScalerRun(Scaler scaler, Fleet fleet, long windowStartMs) {
        this.scaler = scaler;
        this.fleet = fleet;
        this.windowStartMs = windowStartMs;
    }

    /** A run from the scaler's initial fleet, its first window starting at 0. */
    static ScalerRun from(Scaler scaler) {
        return new ScalerRun(scaler, scaler.initialFleet(), 0);
    }

    /** Decides the next window with {@code load}. */
    Outcome next(double load) {
        Outcome outcome = scaler.decide(load, fleet, windowStartMs, windowStartMs + WINDOW_MS);
        outcomes.add(outcome);
        fleet = outcome.fleet();
        windowStartMs += WINDOW_MS;
        return outcome;
    }

    /** Decides {@code windows} windows, all with {@code load}, and returns their outcomes. */
    List<Outcome> repeat(int windows, double load) {
        List<Outcome> decided = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            decided.add(next(load));
        }
        return decided;
    }

    /** Decides windows with {@code load} until the end of the last one is {@code endMs}. */
    List<Outcome> until(long endMs, double load) {
        List<Outcome> decided = new ArrayList<>();
        while (windowStartMs + WINDOW_MS <= endMs) {
            decided.add(next(load));
        }
        return decided;
    }

    Scaler scaler() {
        return scaler;
    }

    Fleet fleet() {
        return fleet;
    }

    /** End of the last window decided. */
    long nowMs() {
        return windowStartMs;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    static long actions(List<Outcome> outcomes) {
        return outcomes.stream().filter(outcome -> outcome.action() != ScalingAction.NONE).count();
    }
}
