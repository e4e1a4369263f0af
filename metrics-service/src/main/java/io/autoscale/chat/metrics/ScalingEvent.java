package io.autoscale.chat.metrics;

import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;

/**
 * One change of the servers in force, as the report lists it.
 *
 * @param action      scale-up or scale-down
 * @param fromServers servers in force during the window that decided it
 * @param toServers   servers in force from the end of that window
 * @param load        the window's measured load, in the report's load unit
 * @param time        event time, in seconds, at which the change takes effect (the window's end)
 */
public record ScalingEvent(ScalingAction action, int fromServers, int toServers, double load, double time) {

    public static ScalingEvent of(ScalingDecision decision) {
        return new ScalingEvent(decision.action(), decision.serversBefore(), decision.serversAfter(),
                decision.load(), decision.windowEndMs() / 1000.0);
    }
}
