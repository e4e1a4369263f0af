package io.autoscale.chat.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Command;

/** The top-level command; each job, and each service run on its own, is a subcommand. */
@Command(name = "autoscale-chat",
        mixinStandardHelpOptions = true,
        version = "autoscale-chat 0.1.0 (Kafka 4.1.1)",
        description = {
            "An auto-scaling chat system on a real Kafka pipeline: replay synthetic or real traffic, watch a "
                    + "policy scale a simulated chat cluster, read the report.",
            "`run` does it all in one process; `compare` runs several policies on the same traffic; `broker`, "
                    + "`autoscaler`, `balancer`, `metrics` and `producer` run one part each, as separate processes "
                    + "on one Kafka cluster.",
            "",
            ConfigDefaults.PRECEDENCE},
        subcommands = {RunCommand.class, CompareCommand.class, BrokerCommand.class, ProducerCommand.class,
            AutoscalerCommand.class, BalancerCommand.class, MetricsCommand.class, BenchCommand.class})
public final class AutoscaleChatCommand {

    private final Path logFile;

    AutoscaleChatCommand(Path logFile) {
        this.logFile = logFile;
    }

    Path logFile() {
        return logFile;
    }
}
