package io.autoscale.chat.launcher;

import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.producer.ProducerResult;
import io.autoscale.chat.producer.ProgressListener;
import io.autoscale.chat.producer.RampProfile;
import io.autoscale.chat.producer.Speed;
import io.autoscale.chat.producer.TraceSummary;
import io.autoscale.chat.producer.TrafficPublisher;
import io.autoscale.chat.producer.TrafficSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat producer}: publishes one experiment's traffic, then exits. */
@Command(name = "producer",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Publishes one experiment: the synthetic ramp of users, or --trace; ends it with the end-of-run marker "
                    + "and exits 0. Start the autoscaler, the balancer and the metrics service first, or at "
                    + "least before the end of the run: they read every topic from its beginning.",
            "A SIGTERM or Ctrl-C stops the run at the next second of event time, still with an end-of-run marker "
                    + "counting what was sent.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 published, 1 failed (e.g. cluster unreachable), 2 bad option or trace file."})
public final class ProducerCommand implements Callable<Integer> {

    /** How long a signal waits for the run to stop at its next second and send its end marker. */
    private static final long STOP_TIMEOUT_SECONDS = 30;

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TrafficOptions traffic;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        traffic.validateThinkTime();
        RampProfile ramp = traffic.ramp();
        TraceSummary traceSummary = traffic.traceSummary();
        Speed speed = traffic.parsedSpeed();

        try (ServiceRunner runner = ServiceRunner.start("producer")) {
            KafkaSettings settings = runner.connect(kafka);
            TrafficPublisher publisher = new TrafficPublisher(settings, speed);
            CountDownLatch published = new CountDownLatch(1);
            runner.add(() -> {
                publisher.close();
                published.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            });
            ServiceBanner.print(System.out, "producer", settings, parent.logFile());

            try (TrafficSource source = TrafficSources.open(traffic.trace, traffic.traceSlice(), traceSummary, ramp,
                    traffic.seed, traffic.thinkTimeMs())) {
                ProducerResult result = publisher.publish(source, ProgressListener.NONE);
                System.out.println(summary(result));
                System.out.flush();
            } finally {
                published.countDown();
            }
            return 0;
        }
    }

    static String summary(ProducerResult result) {
        return String.format(Locale.ROOT, "autoscale-chat producer: %s %,d requests (%,d s of event time) in %.1f s "
                        + "of wall time", result.stoppedEarly() ? "stopped early after" : "produced",
                result.requestsProduced(), result.seconds(), result.wallTimeMs() / 1000.0);
    }
}
