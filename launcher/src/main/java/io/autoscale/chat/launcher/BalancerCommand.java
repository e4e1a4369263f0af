package io.autoscale.chat.launcher;

import io.autoscale.chat.balancer.BalancerService;
import io.autoscale.chat.balancer.ServerModel;
import io.autoscale.chat.model.KafkaSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat balancer}: the balancer service alone, until stopped. */
@Command(name = "balancer",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the balancer service until SIGTERM or Ctrl-C: routes each request over the servers in force at "
                    + "its event time and simulates their processing. Several instances share the work through Kafka.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 stopped by a signal, 1 failed (e.g. cluster unreachable), 2 bad option."})
public final class BalancerCommand implements Callable<Integer> {

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ServerModelOptions serverModel;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        ServerModel model = serverModel.serverModel(false);
        try (ServiceRunner runner = ServiceRunner.start("balancer")) {
            KafkaSettings settings = runner.connect(kafka);
            BalancerService balancer = runner.add(new BalancerService(settings, model));
            balancer.start();
            ServiceBanner.print(System.out, "balancer", settings, parent.logFile());
            runner.runUntilStopped(() -> {
                String failure = balancer.failure();
                return failure == null ? null : failure + "; see " + parent.logFile();
            });
            return 0;
        }
    }
}
