package io.autoscale.chat.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "Synthetic load: users ramp from --base-rate to --peak-rate over the first 30%% of the run, hold the "
                    + "peak to 70%%, and ramp back to base by the end; each connected user sends a message after "
                    + "an exponentially distributed think time (mean --think-time). Load is measured in "
                    + "concurrent users, from the session joins and leaves the producer publishes.",
            "Trace replay (--trace): each second's count becomes that many requests spread evenly over the "
                    + "second. Load is measured in requests per second.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 report printed, 1 the run failed, 2 bad option or file."})
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "threshold",
            description = "Scaling policy, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); each "
                    + "takes the options marked with its name.")
    PolicyKind policyKind;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Instances of the autoscaler and of the balancer, sharing the work through Kafka "
                    + "(default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportFile;

    @Option(names = {"-v", "--verbose"},
            description = "Print each scaling event and a status line every 5 s of event time.")
    boolean verbose;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        ExperimentPlan plan = ExperimentPlan.from(this);
        Console console = new Console(System.out, verbose);
        new Experiment(plan, console, parent.logFile()).run();
        return 0;
    }
}
