package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LogFileTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 4, 13, 44, 12);

    @Test
    void keepsThePathTheUserSet() {
        assertThat(LogFile.choose("/var/log/chat/run.log", "/tmp", NOW)).isEqualTo(Path.of("/var/log/chat/run.log"));
    }

    @Test
    void picksATimestampedFileInTheTemporaryFolderWhenNoPathIsSet() {
        assertThat(LogFile.choose(null, "/tmp", NOW)).isEqualTo(Path.of("/tmp/autoscale-chat-20261204-134412.log"));
    }

    @Test
    void treatsABlankPathAsNotSet() {
        assertThat(LogFile.choose("  ", "/tmp", NOW)).isEqualTo(Path.of("/tmp/autoscale-chat-20261204-134412.log"));
    }

    @Test
    void makesARelativePathAbsolute() {
        assertThat(LogFile.choose("run.log", "/tmp", NOW)).isEqualTo(Path.of("run.log").toAbsolutePath());
    }

    @Test
    void configureKeepsTheSystemPropertyAlreadySetAndReturnsIt() {
        String before = System.getProperty(LogFile.PROPERTY);

        Path configured = LogFile.configure();

        assertThat(configured).isEqualTo(Path.of(before).toAbsolutePath());
        assertThat(System.getProperty(LogFile.PROPERTY)).isEqualTo(configured.toString());
    }
}
