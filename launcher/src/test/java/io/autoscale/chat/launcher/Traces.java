package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real traces in shared/traces, beside the repository; never copied into it. */
final class Traces {

    private Traces() {
    }

    static Path file(String name) {
        Path folder = Path.of(System.getProperty("autoscale.traces", "../../shared/traces"));
        Path trace = folder.resolve(name);
        assertThat(trace).as("trace file (set -Dautoscale.traces to its folder)").isRegularFile();
        return trace;
    }

    static boolean exists(String name) {
        return Files.isRegularFile(Path.of(System.getProperty("autoscale.traces", "../../shared/traces"), name));
    }
}
