package io.autoscale.chat.launcher;

import io.autoscale.chat.model.KafkaSettings;
import java.io.PrintStream;
import java.nio.file.Path;

/** The one line a service prints once it runs: where it is connected, and where its logs go. */
final class ServiceBanner {

    private ServiceBanner() {
    }

    static void print(PrintStream out, String service, KafkaSettings settings, Path logFile) {
        String prefix = settings.topics().prefix();
        out.println("autoscale-chat " + service + ": running on " + settings.bootstrapServers() + ", topics "
                + (prefix.isEmpty() ? "" : prefix) + "chat.*, " + settings.partitions() + " partitions; logs in "
                + logFile);
        out.flush();
    }
}
