package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options stop the benchmark before any broker starts. */
class BenchCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringWriter errors = new StringWriter();

    @Test
    void aDayPastTheEndOfTheTraceIsBadInput() {
        String week = Traces.file("twitter-2021-08-days01-07.txt.gz").toString();

        int exitCode = execute("--trace", week, "--day", "7");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString().strip())
                .isEqualTo("bench: --day 7: --from 7d is past the end of the trace (604,800 s)");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingTraceOrANegativeDayOrNoRecordsIsBadInput() {
        assertThat(execute("--trace", "/nonexistent/week.txt.gz")).isEqualTo(2);
        assertThat(errors.toString()).contains("bench: --trace: trace file /nonexistent/week.txt.gz does not exist");
        assertThat(execute("--day", "-1")).isEqualTo(2);
        assertThat(errors.toString()).contains("bench: --day must be 0 or more, got -1");
        assertThat(execute("--records", "0")).isEqualTo(2);
        assertThat(errors.toString()).contains("bench: --records must be at least 1, got 0");
    }

    private int execute(String... args) {
        CommandLine commandLine = new CommandLine(new BenchCommand(new PrintStream(printed, true,
                StandardCharsets.UTF_8)));
        commandLine.setErr(new PrintWriter(errors, true));
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine.execute(args);
    }
}
