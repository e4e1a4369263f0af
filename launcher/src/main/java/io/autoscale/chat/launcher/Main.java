package io.autoscale.chat.launcher;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** Entry point of the {@code autoscale-chat} command. */
public final class Main {

    /** Commands that run one long-lived part each; several may start in the same second on one machine. */
    private static final Set<String> SERVICES = Set.of("broker", "producer", "autoscaler", "balancer", "metrics");

    private Main() {
    }

    public static void main(String[] args) {
        maybeNameServiceLogFile(args);
        // Before any logger exists: every log of the broker, the clients and the services goes to
        // this file, so the console carries only the run's own lines.
        Path logFile = LogFile.configure();
        int exitCode = commandLine(logFile).execute(args);
        System.exit(exitCode);
    }

    static CommandLine commandLine(Path logFile) {
        return commandLine(logFile, System.getenv());
    }

    /** With the environment that supplies option defaults given, so that tests need not change their own. */
    static CommandLine commandLine(Path logFile, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new AutoscaleChatCommand(logFile));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setDefaultValueProvider(new ConfigDefaults(environment));
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine;
    }

    /**
     * A service gets a log file of its own, named after it and its process id: the default name has only a
     * timestamp, and four services started together would share one file.
     */
    private static void maybeNameServiceLogFile(String[] args) {
        boolean userChose = System.getProperty(LogFile.PROPERTY) != null;
        boolean service = args.length > 0 && SERVICES.contains(args[0]);
        if (userChose || !service) {
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "autoscale-chat-" + args[0] + "-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        System.setProperty(LogFile.PROPERTY, file.toString());
    }
}
