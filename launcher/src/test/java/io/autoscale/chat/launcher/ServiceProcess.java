package io.autoscale.chat.launcher;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code autoscale-chat <command>} in a JVM of its own, on the test's classpath, as a user or a container
 * runs it: its stdout and stderr collected line by line, its exit code read after it ends.
 */
final class ServiceProcess implements AutoCloseable {

    private final String command;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ServiceProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        Thread reader = new Thread(this::readOutput, "output-of-" + command);
        reader.setDaemon(true);
        reader.start();
    }

    static ServiceProcess start(Path logFile, String... args) throws IOException {
        List<String> commandLine = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-D" + LogFile.PROPERTY + "=" + logFile,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        commandLine.addAll(List.of(args));
        Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        return new ServiceProcess(args[0], process);
    }

    /** Waits for a line starting with {@code prefix} and returns it. */
    String awaitLine(String prefix, Duration timeout) {
        await(command + " prints '" + prefix + "' (output so far: " + lines + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> find(prefix).isPresent() || !process.isAlive());
        return find(prefix).orElseThrow(() -> new AssertionError(command + " ended with exit code "
                + process.exitValue() + " before printing '" + prefix + "'; output: " + lines));
    }

    /** Sends SIGTERM, as {@code docker stop} and {@code kill} do, and returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(command + " still running after " + timeout + "; output: " + lines);
        }
        return process.exitValue();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Optional<String> find(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output unreadable: " + e + ")");
        }
    }
}
