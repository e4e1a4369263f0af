package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.LoadMeasure;
import io.autoscale.chat.metrics.MetricsService;
import io.autoscale.chat.metrics.Report;
import io.autoscale.chat.metrics.ReportJson;
import io.autoscale.chat.metrics.ReportPrinter;
import io.autoscale.chat.metrics.ReportSettings;
import io.autoscale.chat.model.KafkaSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat metrics}: the metrics service alone, until the experiment's report is out. */
@Command(name = "metrics",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the metrics service: reads the decisions, the completions and the end-of-run marker, prints the "
                    + "report once the last request is accounted for, writes it to --report, and exits 0.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 report printed (or stopped by a signal), 1 failed, 2 bad option."})
public final class MetricsCommand implements Callable<Integer> {

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LoadMeasureOptions load;

    @Option(names = "--server-capacity", paramLabel = "REQ/S",
            description = "Requests per second one server serves, as the balancer was given: the demand in servers "
                    + "is measured with it (default: 10, or 50 with --load-measure requests).")
    Double serverCapacity;

    @Option(names = "--slo-ms", paramLabel = "MS", defaultValue = "500",
            description = "Response-time objective; the report gives the share of requests over it "
                    + "(default: ${DEFAULT-VALUE}).")
    double sloMs;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Fail when, after the first record, nothing is accounted for during this much wall time; "
                    + "0 waits without limit (default: ${DEFAULT-VALUE}).")
    long stallTimeoutSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportFile;

    @Option(names = {"-v", "--verbose"},
            description = "Print each scaling event and a status line every 5 s of event time.")
    boolean verbose;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        ExperimentPlan.requireWritableReport(reportFile);
        String unit = load.measure().unit();
        ReportSettings reportSettings = new ReportSettings(capacity(), sloMs);
        StallWatch stallWatch = new StallWatch(stallTimeoutSeconds);
        Console console = new Console(System.out, verbose);
        try (ServiceRunner runner = ServiceRunner.start("metrics")) {
            KafkaSettings settings = runner.connect(kafka);
            MetricsService metrics = runner.add(new MetricsService(settings, unit, reportSettings,
                    new ConsoleListener(console, unit)));
            metrics.start();
            ServiceBanner.print(System.out, "metrics", settings, parent.logFile());

            Report report = runner.await(metrics.report(), "the metrics service",
                    () -> stallWatch.check(metrics.progress()));
            console.report(ReportPrinter.render(report));
            if (reportFile != null) {
                ReportJson.write(report, reportFile);
                console.line("💾 Report written to " + reportFile);
            }
            return 0;
        }
    }

    private double capacity() {
        boolean requestRate = load.measure() == LoadMeasure.REQUEST_RATE;
        return serverCapacity != null ? serverCapacity
                : requestRate ? ExperimentPlan.TRACE_CAPACITY : ExperimentPlan.USERS_CAPACITY;
    }
}
