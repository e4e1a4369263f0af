package io.autoscale.chat.metrics;

import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;

/**
 * One change of the servers provisioned, as the report lists it.
 *
 * @param action      scale-up or scale-down
 * @param fromServers servers provisioned during the window that decided it, starting ones included
 * @param toServers   servers provisioned from the end of that window; new ones serve only after the
 *                    startup delay
 * @param load        the window's measured load, in the report's load unit
 * @param time        event time, in seconds, at which the change takes effect (the window's end)
 */
public record ScalingEvent(ScalingAction action, int fromServers, int toServers, double load, double time) {

    public static ScalingEvent of(ScalingDecision decision) {
        return new ScalingEvent(decision.action(), decision.provisioned(), decision.serversAfter(),
                decision.load(), decision.windowEndMs() / 1000.0);
    }
}
