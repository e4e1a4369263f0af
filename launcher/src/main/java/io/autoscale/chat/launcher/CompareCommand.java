package io.autoscale.chat.launcher;

import io.autoscale.chat.metrics.Report;
import io.autoscale.chat.model.Topics;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat compare}: several policies on exactly the same traffic, one table. */
@Command(name = "compare",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Runs one experiment per --policy on exactly the same traffic, one after the other on one Kafka "
                    + "cluster, each in its own topic namespace, and prints a table: a row per policy, a column "
                    + "per measure, the best value of each column marked with *.",
            "Every option of `run` but --verbose applies to every run; each policy takes the options marked with its "
                    + "name and ignores the others' (all are checked).",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 table printed, 1 a run failed, 2 bad option or file."})
public final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Option(names = "--policy", paramLabel = "NAME", required = true, split = ",",
            description = "A policy to compare, one of: ${COMPLETION-CANDIDATES}; repeat it for each policy, or "
                    + "list them: --policy threshold,target.")
    List<PolicyKind> policies;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Instances of the autoscaler and of the balancer in each run, sharing the work through "
                    + "Kafka (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the table as JSON to FILE, and as CSV next to it (FILE with its .json "
                    + "extension, if any, replaced by .csv).")
    Path reportFile;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        List<ExperimentPlan> plans = plans();
        ExperimentPlan first = plans.get(0);
        Console console = new Console(System.out, false);
        console.banner();
        console.configuration(describe(plans));
        console.line("📝 Logs of the broker, the clients and the services: " + parent.logFile());

        List<Comparison.Row> rows = new ArrayList<>();
        try (Resources resources = new Resources()) {
            String bootstrapServers = first.embeddedBroker() ? startBroker(resources, console)
                    : first.bootstrapServers();
            String namespace = namespace(first);
            for (ExperimentPlan plan : plans) {
                String policy = policyName(plan);
                console.line(String.format(Locale.ROOT, "▶️  %s: running in namespace '%s'", policy,
                        namespace + policy + "."));
                long startNs = System.nanoTime();
                Report report = new Experiment(plan, console, parent.logFile())
                        .runOn(bootstrapServers, new Topics(namespace + policy + "."), false);
                console.line(String.format(Locale.ROOT, "✅ %s: %,d of %,d requests, %d scaling action%s, in %.1f s",
                        policy, report.totalRequests(), report.requestsProduced(), report.scalingActions(),
                        report.scalingActions() == 1 ? "" : "s", (System.nanoTime() - startNs) / 1e9));
                rows.add(new Comparison.Row(policy, plan.autoscaler().describePolicy(), report));
            }
        }

        Comparison comparison = new Comparison(rows);
        console.line("");
        console.line(Console.RULE);
        console.line("📊 Comparison");
        console.line(Console.RULE);
        console.report(comparison.render());
        if (reportFile != null) {
            Path csv = comparison.write(reportFile);
            console.line("💾 Comparison written to " + reportFile + " and " + csv);
        }
        return 0;
    }

    private List<ExperimentPlan> plans() {
        Set<PolicyKind> seen = EnumSet.noneOf(PolicyKind.class);
        List<ExperimentPlan> plans = new ArrayList<>();
        for (PolicyKind kind : policies) {
            if (!seen.add(kind)) {
                throw new IllegalArgumentException("--policy " + kind + " is given twice; each policy runs once");
            }
            plans.add(ExperimentPlan.of(experiment, kind, reportFile, instances));
        }
        if (reportFile != null) {
            ExperimentPlan.requireWritableReport(Comparison.csvFileOf(reportFile));
        }
        return plans;
    }

    private static String policyName(ExperimentPlan plan) {
        return plan.autoscaler().policies().get().name();
    }

    private List<String> describe(List<ExperimentPlan> plans) {
        List<String> lines = new ArrayList<>();
        for (String line : plans.get(0).describe()) {
            if (!line.startsWith("Policy: ")) {
                lines.add(line);
            }
        }
        lines.add("Policies, one run each on the same traffic:");
        plans.forEach(plan -> lines.add("  " + plan.autoscaler().describePolicy()));
        return lines;
    }

    private static String startBroker(Resources resources, Console console) {
        long startNs = System.nanoTime();
        EmbeddedKafkaCluster cluster = resources.add(EmbeddedKafkaCluster.start(1));
        console.line(String.format(Locale.ROOT, "🛰️  Kafka: embedded KRaft broker at %s (up in %.1f s)",
                cluster.bootstrapServers(), (System.nanoTime() - startNs) / 1e9));
        return cluster.bootstrapServers();
    }

    /** An existing cluster may hold earlier comparisons: a fresh namespace keeps them apart. */
    private static String namespace(ExperimentPlan plan) {
        if (plan.topicPrefix() != null) {
            return plan.topicPrefix();
        }
        if (plan.embeddedBroker()) {
            return "";
        }
        return "compare-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".";
    }
}
