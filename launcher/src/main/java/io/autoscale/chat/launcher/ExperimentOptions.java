package io.autoscale.chat.launcher;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What `run` and `compare` share: the traffic, the policies' settings, the servers, the cluster. */
final class ExperimentOptions {

    @Mixin
    TrafficOptions traffic;

    @Mixin
    PolicyOptions policy;

    @Mixin
    ServerModelOptions serverModel;

    @Option(names = "--slo-ms", paramLabel = "MS", defaultValue = "500",
            description = "Response-time objective; the report gives the share of requests over it "
                    + "(default: ${DEFAULT-VALUE}).")
    double sloMs;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Fail the run when no request is accounted for during this much wall time "
                    + "(default: ${DEFAULT-VALUE}).")
    int stallTimeoutSeconds;
}
