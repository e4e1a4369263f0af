package io.autoscale.chat.launcher;

import io.autoscale.chat.balancer.ServerModel;
import picocli.CommandLine.Option;

/** The simulated servers the balancer routes requests to. */
final class ServerModelOptions {

    @Option(names = "--server-capacity", paramLabel = "REQ/S",
            description = "Requests per second one server serves; its backlog drains at this rate "
                    + "(default: 10, or 50 with --trace; the balancer service has no trace: pass 50 for one).")
    Double serverCapacity;

    @Option(names = "--service-time-ms", paramLabel = "MS", defaultValue = "50",
            description = "Time to serve one request on an idle server (default: ${DEFAULT-VALUE}).")
    double serviceTimeMs;

    ServerModel serverModel(boolean traceMode) {
        double capacity = serverCapacity != null ? serverCapacity
                : traceMode ? ExperimentPlan.TRACE_CAPACITY : ExperimentPlan.USERS_CAPACITY;
        return new ServerModel(capacity, serviceTimeMs);
    }
}
