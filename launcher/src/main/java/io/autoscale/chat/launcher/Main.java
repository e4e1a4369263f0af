package io.autoscale.chat.launcher;

import java.nio.file.Path;
import picocli.CommandLine;

/** Entry point of the {@code autoscale-chat} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: every log of the broker, the clients and the services goes to
        // this file, so the console carries only the run's own lines.
        Path logFile = LogFile.configure();
        int exitCode = commandLine(logFile).execute(args);
        System.exit(exitCode);
    }

    static CommandLine commandLine(Path logFile) {
        CommandLine commandLine = new CommandLine(new AutoscaleChatCommand(logFile));
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine;
    }
}
