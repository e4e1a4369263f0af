package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Flag > environment variable > --config file > built-in default, on the real commands. */
class ConfigDefaultsTest {

    @TempDir
    Path temp;

    @Test
    void theBuiltInDefaultHoldsWhenNothingElseIsSet() {
        BalancerCommand balancer = parseBalancer(Map.of());

        assertThat(balancer.kafka.partitions).isEqualTo(3);
        assertThat(balancer.kafka.bootstrapServers).isNull();
        assertThat(balancer.serverModel.serviceTimeMs).isEqualTo(50.0);
    }

    @Test
    void theFileOverridesTheBuiltInDefault() throws IOException {
        Path file = config("partitions=5\nbootstrap-servers=127.0.0.1:1111\n");

        BalancerCommand balancer = parseBalancer(Map.of(), "--config", file.toString());

        assertThat(balancer.kafka.partitions).isEqualTo(5);
        assertThat(balancer.kafka.bootstrapServers).isEqualTo("127.0.0.1:1111");
    }

    @Test
    void theVariableOverridesTheFile() throws IOException {
        Path file = config("partitions=5\nbootstrap-servers=127.0.0.1:1111\n");

        BalancerCommand balancer = parseBalancer(Map.of("AUTOSCALE_CHAT_PARTITIONS", "6"), "--config", file.toString());

        assertThat(balancer.kafka.partitions).isEqualTo(6);
        assertThat(balancer.kafka.bootstrapServers).isEqualTo("127.0.0.1:1111");
    }

    @Test
    void theFlagOverridesTheVariableAndTheFile() throws IOException {
        Path file = config("partitions=5\n");

        BalancerCommand balancer = parseBalancer(Map.of("AUTOSCALE_CHAT_PARTITIONS", "6"),
                "--config", file.toString(), "--partitions", "7");

        assertThat(balancer.kafka.partitions).isEqualTo(7);
    }

    @Test
    void theConfigFileItselfCanComeFromTheEnvironment() throws IOException {
        Path file = config("service-time-ms=80\n");

        BalancerCommand balancer = parseBalancer(Map.of("AUTOSCALE_CHAT_CONFIG", file.toString()));

        assertThat(balancer.serverModel.serviceTimeMs).isEqualTo(80.0);
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        BalancerCommand balancer = parseBalancer(Map.of("AUTOSCALE_CHAT_PARTITIONS", " "));

        assertThat(balancer.kafka.partitions).isEqualTo(3);
    }

    @Test
    void enumsAndModeDependentDefaultsComeThroughTheEnvironmentToo() {
        AutoscalerCommand autoscaler = parse(Map.of("AUTOSCALE_CHAT_LOAD_MEASURE", "requests",
                "AUTOSCALE_CHAT_MIN_SERVERS", "3"), "autoscaler").getSubcommands().get("autoscaler").getCommand();

        assertThat(autoscaler.load.loadMeasure).isEqualTo(LoadMeasureOption.requests);
        assertThat(autoscaler.policy.minServers).isEqualTo(3);
        assertThat(autoscaler.policy.scaleUpThreshold).isNull();
    }

    @Test
    void aBadVariableIsNamedInTheError() {
        assertThatThrownBy(() -> parseBalancer(Map.of("AUTOSCALE_CHAT_PARTITIONS", "three")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("environment variable AUTOSCALE_CHAT_PARTITIONS: invalid value for --partitions: "
                        + "'three' is not a whole number (int)");
    }

    @Test
    void aBadFileValueIsNamedByFileAndKey() throws IOException {
        Path file = config("service-time-ms=fast\n");

        assertThatThrownBy(() -> parseBalancer(Map.of(), "--config", file.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessage(file + ": key service-time-ms: invalid value for --service-time-ms: "
                        + "'fast' is not a number");
    }

    @Test
    void anUnknownFileKeyIsAnError() throws IOException {
        Path file = config("partitons=5\n");

        assertThatThrownBy(() -> parseBalancer(Map.of(), "--config", file.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessage(file + ": key partitons is no option of autoscale-chat");
    }

    @Test
    void aKeyOfAnotherCommandIsAcceptedSoThatOneFileServesEveryService() throws IOException {
        Path file = config("peak-rate=80\npartitions=4\n");

        BalancerCommand balancer = parseBalancer(Map.of(), "--config", file.toString());

        assertThat(balancer.kafka.partitions).isEqualTo(4);
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = temp.resolve("missing.properties");

        assertThatThrownBy(() -> parseBalancer(Map.of(), "--config", missing.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("--config " + missing + ": cannot read it");
    }

    @Test
    void anOutOfRangeValueFromTheEnvironmentIsReportedWithItsVariableAndExitTwo() {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Main.commandLine(temp.resolve("test.log"),
                Map.of("AUTOSCALE_CHAT_PARTITIONS", "0", "AUTOSCALE_CHAT_BOOTSTRAP_SERVERS", "127.0.0.1:9"));
        commandLine.setErr(new PrintWriter(errors, true));

        int exitCode = commandLine.execute("balancer");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip()).isEqualTo("autoscale-chat balancer: --partitions must be at least 1, "
                + "got 0 (from environment variable AUTOSCALE_CHAT_PARTITIONS)");
    }

    @Test
    void variableNamesAreTheOptionNamesUpperCasedWithUnderscores() {
        assertThat(ConfigDefaults.variableOf("--bootstrap-servers")).isEqualTo("AUTOSCALE_CHAT_BOOTSTRAP_SERVERS");
        assertThat(ConfigDefaults.variableOf("--service-time-ms")).isEqualTo("AUTOSCALE_CHAT_SERVICE_TIME_MS");
        assertThat(ConfigDefaults.key("--scale-up-threshold")).isEqualTo("scale-up-threshold");
    }

    private BalancerCommand parseBalancer(Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "balancer";
        System.arraycopy(args, 0, all, 1, args.length);
        return parse(environment, all).getSubcommands().get("balancer").getCommand();
    }

    private CommandLine parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = Main.commandLine(temp.resolve("test.log"), environment);
        commandLine.parseArgs(args);
        return commandLine;
    }

    private Path config(String text) throws IOException {
        Path file = temp.resolve("autoscale-chat.properties");
        Files.writeString(file, text);
        return file;
    }
}
