package io.autoscale.chat.metrics;

import io.autoscale.chat.model.ScalingDecision;

/**
 * Live news of a run, for a console that shows it as it happens. Called on the metrics service's
 * consumer thread, in event-time order, once per decision: an implementation must return quickly.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** A decision that changes the servers in force. */
    default void onScalingEvent(ScalingDecision decision) {
    }

    /**
     * A status line, at every window that ends on a multiple of 5 s of event time.
     *
     * @param timeSeconds   event time of the window's end
     * @param load          the window's measured load
     * @param servers       servers in force from the window's end
     * @param requestsSoFar requests stamped in the windows decided so far
     */
    default void onStatus(long timeSeconds, double load, int servers, long requestsSoFar) {
    }
}
