package io.autoscale.chat.launcher;

import io.autoscale.chat.metrics.RunListener;
import io.autoscale.chat.model.ScalingDecision;

/** Shows the metrics service's scaling events and status lines on the console, with {@code --verbose}. */
final class ConsoleListener implements RunListener {

    private final Console console;
    private final String unit;

    ConsoleListener(Console console, String unit) {
        this.console = console;
        this.unit = unit;
    }

    @Override
    public void onScalingEvent(ScalingDecision decision) {
        console.scalingEvent(decision, unit);
    }

    @Override
    public void onStatus(long timeSeconds, double load, int servers, long requestsSoFar) {
        console.status(timeSeconds, load, servers, requestsSoFar, unit);
    }
}
