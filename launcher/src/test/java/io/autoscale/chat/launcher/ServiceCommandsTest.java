package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The service commands' failures that need no cluster: one line on stderr and the exit code. */
class ServiceCommandsTest {

    @TempDir
    Path temp;

    private final StringWriter errors = new StringWriter();

    @Test
    void anUnreachableClusterFailsWithinTheTimeoutWithOneLineAndExitOne() throws IOException {
        String closed = "127.0.0.1:" + closedPort();

        for (String service : new String[] {"balancer", "autoscaler", "metrics", "producer"}) {
            long startNs = System.nanoTime();
            int exitCode = execute(service, "--bootstrap-servers", closed, "--cluster-timeout", "2");
            double seconds = (System.nanoTime() - startNs) / 1e9;

            assertThat(exitCode).as(service).isEqualTo(1);
            assertThat(seconds).as(service + " seconds").isBetween(1.5, 6.0);
        }
        assertThat(errors.toString().lines()).containsExactly(
                "autoscale-chat balancer: cannot reach the Kafka cluster at " + closed + " within 2 s",
                "autoscale-chat autoscaler: cannot reach the Kafka cluster at " + closed + " within 2 s",
                "autoscale-chat metrics: cannot reach the Kafka cluster at " + closed + " within 2 s",
                "autoscale-chat producer: cannot reach the Kafka cluster at " + closed + " within 2 s");
    }

    @Test
    void aBrokerPortOutOfRangeOrTakenIsBadInputBeforeAnyBrokerStarts() throws IOException {
        assertThat(execute("broker", "--port", "70000")).isEqualTo(2);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(execute("broker", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
            assertThat(errors.toString().lines()).containsExactly(
                    "autoscale-chat broker: --port must be 0 (a free port) or between 1 and 65535 for 1 node(s), "
                            + "got 70000",
                    "autoscale-chat broker: --port: 127.0.0.1:" + taken.getLocalPort() + " is not free "
                            + "(Address already in use)");
        }
    }

    @Test
    void aServiceWithoutBootstrapServersIsBadInput() {
        int exitCode = execute("balancer");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip()).isEqualTo("autoscale-chat balancer: --bootstrap-servers is required "
                + "(or AUTOSCALE_CHAT_BOOTSTRAP_SERVERS, or bootstrap-servers= in --config)");
    }

    @Test
    void anUnknownPolicyIsBadInputNamingTheKnownOnes() {
        int exitCode = execute("autoscaler", "--policy", "pid", "--bootstrap-servers", "127.0.0.1:9");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).startsWith("autoscale-chat autoscaler: Invalid value for option '--policy': "
                + "expected one of [threshold, target, step, predictive]");
    }

    @Test
    void aBadPolicyBoundIsBadInputBeforeAnyConnection() {
        int exitCode = execute("autoscaler", "--min-servers", "5", "--max-servers", "3",
                "--bootstrap-servers", "127.0.0.1:9");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip())
                .isEqualTo("autoscale-chat autoscaler: --min-servers (5) must not exceed --max-servers (3)");
    }

    @Test
    void aBrokerCountOutsideOneToThreeIsBadInput() {
        int exitCode = execute("broker", "--brokers", "4");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip())
                .isEqualTo("autoscale-chat broker: --brokers must be between 1 and 3 nodes, got 4");
    }

    private int execute(String... args) {
        CommandLine commandLine = Main.commandLine(temp.resolve("test.log"), Map.of());
        commandLine.setErr(new PrintWriter(errors, true));
        return commandLine.execute(args);
    }

    /** A port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
