package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.AutoscalerService;
import io.autoscale.chat.balancer.BalancerService;
import io.autoscale.chat.metrics.MetricsService;
import io.autoscale.chat.metrics.Report;
import io.autoscale.chat.metrics.ReportJson;
import io.autoscale.chat.metrics.ReportPrinter;
import io.autoscale.chat.metrics.RunListener;
import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.TopicSetup;
import io.autoscale.chat.model.Topics;
import io.autoscale.chat.producer.ProducerResult;
import io.autoscale.chat.producer.ProgressListener;
import io.autoscale.chat.producer.TrafficPublisher;
import io.autoscale.chat.producer.TrafficSource;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment in this process: the broker (unless one is given), the topics, the four
 * services, the traffic, and the report once the last request is accounted for.
 */
final class Experiment {

    private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);
    private static final long POLL_MS = 200;

    private final ExperimentPlan plan;
    private final Console console;
    private final Path logFile;
    /** Event time decided so far, for the progress line; written by the metrics service's thread. */
    private volatile long decidedThroughSeconds;

    Experiment(ExperimentPlan plan, Console console, Path logFile) {
        this.plan = plan;
        this.console = console;
        this.logFile = logFile;
    }

    Report run() throws Exception {
        console.banner();
        console.configuration(plan.describe());
        console.line("📝 Logs of the broker, the clients and the services: " + logFile);

        try (Resources resources = new Resources()) {
            Report report = runOn(bootstrapServers(resources), topics(), true);
            console.report(ReportPrinter.render(report));
            if (plan.reportFile() != null) {
                ReportJson.write(report, plan.reportFile());
                console.line("💾 Report written to " + plan.reportFile());
            }
            return report;
        }
    }

    /**
     * Runs the experiment on the cluster at {@code bootstrapServers}, in the namespace {@code topics},
     * and stops its services once the report is built.
     *
     * @param announce whether to print the start line; the progress goes to stderr either way
     */
    Report runOn(String bootstrapServers, Topics topics, boolean announce) throws Exception {
        try (Resources resources = new Resources()) {
            KafkaSettings settings = new KafkaSettings(bootstrapServers, topics, plan.partitions(),
                    plan.replicationFactor());
            ClusterProbe.awaitReachable(settings.bootstrapServers(), plan.clusterTimeout());
            TopicSetup.ensureTopics(settings, plan.clusterTimeout());

            MetricsService metrics = resources.add(new MetricsService(settings, plan.loadUnit(),
                    plan.reportSettings(), listener()));
            metrics.start();
            // Several instances of a service in one process share the work exactly as separate
            // processes would: through their consumer groups and one Streams application id.
            List<BalancerService> balancers = new ArrayList<>();
            List<AutoscalerService> autoscalers = new ArrayList<>();
            for (int instance = 0; instance < plan.instances(); instance++) {
                balancers.add(resources.add(new BalancerService(settings, plan.serverModel())));
                balancers.get(instance).start();
            }
            for (int instance = 0; instance < plan.instances(); instance++) {
                Path stateDir = resources.tempDirectory("autoscale-chat-streams-");
                autoscalers.add(resources.add(new AutoscalerService(settings, plan.autoscaler(), stateDir)));
                autoscalers.get(instance).start();
            }

            if (announce) {
                console.line("🚀 Starting auto-scaling simulation...");
                console.line("");
            }
            TrafficPublisher publisher = resources.add(new TrafficPublisher(settings, plan.speed()));
            ProgressReporter progress = resources.add(ProgressReporter.onStderr(runSeconds(),
                    () -> new ProgressReporter.Progress(decidedThroughSeconds, metrics.accountedRequests())));
            progress.start();
            CompletableFuture<ProducerResult> produced = CompletableFuture.supplyAsync(() -> publish(publisher));

            Report report = awaitReport(metrics, produced, () -> failure(balancers, autoscalers));
            progress.close();
            LOG.info("Experiment finished: requests={} wallSeconds={}", report.totalRequests(), report.wallSeconds());
            return report;
        }
    }

    /** Why a service of this run stopped working, or {@code null} while they all work. */
    private static String failure(List<BalancerService> balancers, List<AutoscalerService> autoscalers) {
        for (BalancerService balancer : balancers) {
            if (balancer.failure() != null) {
                return balancer.failure();
            }
        }
        for (AutoscalerService autoscaler : autoscalers) {
            KafkaStreams.State state = autoscaler.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
                return "the autoscaler's Kafka Streams application failed (state " + state + ")";
            }
        }
        return null;
    }

    private String bootstrapServers(Resources resources) {
        if (!plan.embeddedBroker()) {
            return plan.bootstrapServers();
        }
        long startNs = System.nanoTime();
        EmbeddedKafkaCluster cluster = resources.add(EmbeddedKafkaCluster.start(1));
        console.line(String.format("🛰️  Kafka: embedded KRaft broker at %s (up in %.1f s)",
                cluster.bootstrapServers(), (System.nanoTime() - startNs) / 1e9));
        return cluster.bootstrapServers();
    }

    /** An existing cluster may hold earlier experiments: a fresh namespace keeps them apart. */
    private Topics topics() {
        if (plan.topicPrefix() != null) {
            return new Topics(plan.topicPrefix());
        }
        if (plan.embeddedBroker()) {
            return Topics.plain();
        }
        return new Topics("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".");
    }

    private TrafficSource source() {
        return TrafficSources.open(plan.trace(), plan.traceSlice(), plan.traceSummary(), plan.ramp(), plan.seed(),
                plan.thinkTimeMs());
    }

    private long runSeconds() {
        return plan.traceMode() ? plan.traceSummary().seconds() : plan.ramp().durationSeconds();
    }

    private ProducerResult publish(TrafficPublisher publisher) {
        try (TrafficSource source = source()) {
            return publisher.publish(source, ProgressListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
    }

    private RunListener listener() {
        String unit = plan.loadUnit();
        return new RunListener() {
            @Override
            public void onScalingEvent(ScalingDecision decision) {
                console.scalingEvent(decision, unit);
            }

            @Override
            public void onStatus(long timeSeconds, double load, int servers, long requestsSoFar) {
                decidedThroughSeconds = timeSeconds;
                console.status(timeSeconds, load, servers, requestsSoFar, unit);
            }
        };
    }

    /**
     * Waits for the metrics service to account for the last request. Fails when the producer
     * fails, or when nothing is accounted for during the stall timeout.
     */
    private Report awaitReport(MetricsService metrics, CompletableFuture<ProducerResult> produced,
            Supplier<String> serviceFailure) throws InterruptedException {
        long lastProgress = -1;
        long lastProgressNs = System.nanoTime();
        while (true) {
            try {
                return metrics.report().get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not finished yet: check the producer and the progress below.
            } catch (ExecutionException e) {
                throw new IllegalStateException("the metrics service failed: " + e.getCause().getMessage(),
                        e.getCause());
            }

            if (produced.isCompletedExceptionally()) {
                Throwable cause = produced.handle((result, error) -> error).join();
                Throwable root = cause.getCause() != null ? cause.getCause() : cause;
                throw new IllegalStateException("the producer failed: " + root.getMessage(), root);
            }

            String failure = serviceFailure.get();
            if (failure != null) {
                throw new IllegalStateException(failure + "; see " + logFile);
            }

            long progress = metrics.progress();
            if (progress != lastProgress) {
                lastProgress = progress;
                lastProgressNs = System.nanoTime();
            } else if (System.nanoTime() - lastProgressNs > TimeUnit.MILLISECONDS.toNanos(plan.stallTimeoutMs())) {
                throw new IllegalStateException("no progress for " + plan.stallTimeoutMs() / 1000
                        + " s of wall time; see " + logFile);
            }
        }
    }
}
