package io.autoscale.chat.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat run}: one experiment, from traffic to report. */
@Command(name = "run",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Starts an embedded Kafka broker (or uses --bootstrap-servers), the producer, the autoscaler, "
                    + "the balancer and the metrics service, runs one experiment and prints its report.",
            "",
            "Synthetic load: users ramp from --base-rate to --peak-rate over the first 30% of the run, hold the "
                    + "peak to 70%, and ramp back to base by the end; each connected user sends a message after "
                    + "an exponentially distributed think time (mean --think-time). Load is measured in "
                    + "concurrent users, from the session joins and leaves the producer publishes.",
            "Trace replay (--trace): each second's count becomes that many requests spread evenly over the "
                    + "second. Load is measured in requests per second.",
            ""},
        footer = {"", "Exit codes: 0 report printed, 1 the run failed, 2 bad option or file."})
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of starting an embedded broker.")
    String bootstrapServers;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30",
            description = "Synthetic run length in seconds of event time (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--base-rate", paramLabel = "USERS", defaultValue = "5",
            description = "Concurrent users at the start and the end (default: ${DEFAULT-VALUE}).")
    int baseUsers;

    @Option(names = "--peak-rate", paramLabel = "USERS", defaultValue = "50",
            description = "Concurrent users at the peak (default: ${DEFAULT-VALUE}).")
    int peakUsers;

    @Option(names = "--think-time", paramLabel = "SECONDS", defaultValue = "3",
            description = "Mean time between two messages of one user, exponentially distributed "
                    + "(default: ${DEFAULT-VALUE}).")
    double thinkTimeSeconds;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the synthetic users' random think times (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Replay a file of per-second request counts (whitespace-separated integers; "
                    + ".gz read directly) instead of the synthetic ramp.")
    Path trace;

    @Option(names = "--speed", paramLabel = "N|max",
            description = "Replay N times faster than real time, or 'max' for as fast as the cluster takes it "
                    + "(default: 1 for synthetic runs, max for traces).")
    String speed;

    @Option(names = "--scale-up-threshold", paramLabel = "LOAD",
            description = "Add a server when the load per server is above this "
                    + "(default: 30 users, or 40 req/s with --trace).")
    Double scaleUpThreshold;

    @Option(names = "--scale-down-threshold", paramLabel = "LOAD",
            description = "Remove a server when the load per server is below this "
                    + "(default: 10 users, or 15 req/s with --trace).")
    Double scaleDownThreshold;

    @Option(names = "--min-servers", defaultValue = "2", description = "Fewest servers (default: ${DEFAULT-VALUE}).")
    int minServers;

    @Option(names = "--max-servers", defaultValue = "10", description = "Most servers (default: ${DEFAULT-VALUE}).")
    int maxServers;

    @Option(names = "--cooldown", paramLabel = "SECONDS", defaultValue = "5",
            description = "Event time after a scaling action before the next one (default: ${DEFAULT-VALUE}).")
    double cooldownSeconds;

    @Option(names = "--scale-step", paramLabel = "SERVERS", defaultValue = "1",
            description = "Servers added or removed by one action (default: ${DEFAULT-VALUE}).")
    int scaleStep;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "1",
            description = "Event-time window; one decision per window (default: ${DEFAULT-VALUE}).")
    double windowSeconds;

    @Option(names = "--server-capacity", paramLabel = "REQ/S",
            description = "Requests per second one server serves; its backlog drains at this rate "
                    + "(default: 10, or 50 with --trace).")
    Double serverCapacity;

    @Option(names = "--service-time-ms", paramLabel = "MS", defaultValue = "50",
            description = "Time to serve one request on an idle server (default: ${DEFAULT-VALUE}).")
    double serviceTimeMs;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the per-request topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of the topics (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Namespace for the topics (default: none on the embedded broker, a fresh "
                    + "'run-<time>.' prefix on an existing cluster).")
    String topicPrefix;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Fail the run when no request is accounted for during this much wall time "
                    + "(default: ${DEFAULT-VALUE}).")
    int stallTimeoutSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportFile;

    @Option(names = {"-v", "--verbose"},
            description = "Print each scaling event and a status line every 5 s of event time.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        ExperimentPlan plan = ExperimentPlan.from(this);
        Console console = new Console(System.out, verbose);
        new Experiment(plan, console, parent.logFile()).run();
        return 0;
    }
}
