package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.AutoscalerConfig;
import io.autoscale.chat.autoscaler.AutoscalerService;
import io.autoscale.chat.model.KafkaSettings;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat autoscaler}: the Kafka Streams autoscaler alone, until stopped. */
@Command(name = "autoscaler",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the autoscaler (a Kafka Streams application) until SIGTERM or Ctrl-C: windows the load by event "
                    + "time and emits one scaling decision per window. Instances with the same --topic-prefix "
                    + "share the work.",
            "For a trace experiment pass --load-measure requests: the thresholds then default to 40 and 15 req/s.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 stopped by a signal, 1 failed (e.g. cluster unreachable), 2 bad option."})
public final class AutoscalerCommand implements Callable<Integer> {

    private static final Set<KafkaStreams.State> STOPPED =
            Set.of(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR, KafkaStreams.State.NOT_RUNNING);

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LoadMeasureOptions load;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "threshold",
            description = "Scaling policy, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); each "
                    + "takes the options marked with its name.")
    PolicyKind policyKind;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams state folder, kept after exit (default: a temporary folder deleted at "
                    + "exit; the state is restored from its changelog topics on the next start).")
    Path stateDir;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        AutoscalerConfig autoscalerConfig = policy.autoscalerConfig(policyKind, load.measure());
        try (ServiceRunner runner = ServiceRunner.start("autoscaler")) {
            KafkaSettings settings = runner.connect(kafka);
            Path directory = stateDir != null ? stateDir : runner.tempDirectory("autoscale-chat-streams-");
            AutoscalerService autoscaler = runner.add(new AutoscalerService(settings, autoscalerConfig, directory));
            autoscaler.start();
            ServiceBanner.print(System.out, "autoscaler", settings, parent.logFile());
            runner.runUntilStopped(() -> STOPPED.contains(autoscaler.state())
                    ? "the Kafka Streams application stopped (state " + autoscaler.state() + "); see "
                            + parent.logFile()
                    : null);
            return 0;
        }
    }
}
