package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

class ServiceVariablesTest {

    @Command(name = "sample", mixinStandardHelpOptions = true)
    static final class Sample {

        @Option(names = "--bootstrap-servers", required = true)
        String bootstrapServers;

        @Option(names = {"-v", "--verbose"})
        boolean verbose;

        @Option(names = "--service-time-ms")
        double serviceTimeMs;
    }

    private final CommandSpec sample = new CommandLine(new Sample()).getCommandSpec();

    @Test
    void namesEachOptionAfterItsLongestNameWithoutHelpAndVersion() {
        assertThat(ServiceVariables.readBy(sample)).containsExactly(
                "AUTOSCALE_CHAT_BOOTSTRAP_SERVERS", "AUTOSCALE_CHAT_SERVICE_TIME_MS", "AUTOSCALE_CHAT_VERBOSE");
    }

    @Test
    void listsOnlyTheRequiredOptionsAsRequired() {
        assertThat(ServiceVariables.requiredBy(sample)).containsExactly("AUTOSCALE_CHAT_BOOTSTRAP_SERVERS");
    }
}
