package io.autoscale.chat.launcher;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one file that receives every log line of a run: the broker's, the Kafka clients' and the services'.
 * {@code logback.xml} reads its path from the system property {@value #PROPERTY}, so {@link #configure()}
 * must run before the first logger is created.
 */
public final class LogFile {

    /** System property holding the log file's path; a user may set it with {@code -Dautoscale.log.file=...}. */
    public static final String PROPERTY = "autoscale.log.file";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LogFile() {
    }

    /**
     * Keeps the path the user set, or picks {@code <java.io.tmpdir>/autoscale-chat-<yyyyMMdd-HHmmss>.log},
     * stores it in the system property and returns it, absolute, for the launcher to print.
     */
    public static Path configure() {
        Path path = choose(System.getProperty(PROPERTY), System.getProperty("java.io.tmpdir"), LocalDateTime.now());
        System.setProperty(PROPERTY, path.toString());
        return path;
    }

    static Path choose(String configured, String temporaryDirectory, LocalDateTime now) {
        boolean userChose = configured != null && !configured.isBlank();
        if (userChose) {
            return Path.of(configured.strip()).toAbsolutePath();
        }
        return Path.of(temporaryDirectory, "autoscale-chat-" + STAMP.format(now) + ".log").toAbsolutePath();
    }
}
