package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Bad input to `run` and `compare` stops them before any broker starts: one line naming the option,
 * exit code 2. The cluster address points at nothing, so a check that came too late would fail
 * differently.
 */
class ExperimentBadInputTest {

    @TempDir
    Path temp;

    private final StringWriter errors = new StringWriter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--duration 5 --window 2 | --window 2 s does not divide the run's 5 s of event time",
        "--scale-up-limit abc | --scale-up-limit",
        "--policy step --tolerance 5 | --tolerance",
        "--policy target --step-up garbage | --step-up",
        "--policy target --scale-step 0 | --scale-step must be at least 1 server, got 0",
        "--policy predictive --warm-up -5 | --warm-up must be between 0 and 315360000 s, got -5.0",
        "--policy target --scale-up-threshold 5 --scale-down-threshold 10 | --scale-up-threshold (5.0) must be "
                + "greater than --scale-down-threshold (10.0)",
        "--cooldown -1 | --cooldown must be between 0 and 315360000 s, got -1.0",
        "--startup-delay 9.3e15 | --startup-delay must be between 0 and 315360000 s, got 9.3E15",
        "--season 0 | --season must be between 0.001 and 315360000 s, got 0.0",
        "--window 1e17 | --window must be between 0.001 and 3600 s, got 1.0E17",
        "--policy step --step-down 0:-0% | --step-down"})
    void aBadOptionStopsTheRunWithOneLineNamingIt(String options, String message) {
        int exitCode = execute(("run --bootstrap-servers 127.0.0.1:9 " + options).split(" "));

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().lines()).hasSize(1);
        assertThat(errors.toString()).startsWith("autoscale-chat run: ").contains(message);
    }

    @Test
    void compareChecksWhereItsCsvGoesBeforeAnyRun() throws IOException {
        Files.createDirectory(temp.resolve("day.csv"));

        int exitCode = execute("compare", "--bootstrap-servers", "127.0.0.1:9", "--policy", "threshold,target",
                "--report", temp.resolve("day.json").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip()).isEqualTo("autoscale-chat compare: --report " + temp.resolve("day.csv")
                + " is a folder, not a file");
        assertThat(temp.resolve("day.json")).doesNotExist();
    }

    @Test
    void compareRefusesAPolicyGivenTwice() {
        int exitCode = execute("compare", "--bootstrap-servers", "127.0.0.1:9", "--policy", "target,threshold",
                "--policy", "target");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip())
                .isEqualTo("autoscale-chat compare: --policy target is given twice; each policy runs once");
    }

    private int execute(String... args) {
        CommandLine commandLine = Main.commandLine(temp.resolve("test.log"), Map.of());
        commandLine.setErr(new PrintWriter(errors, true));
        return commandLine.execute(args);
    }
}
