package io.autoscale.chat.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory of this process, from Linux's {@code /proc/self/status}: what the machine
 * really gave the JVM (heap, metaspace, threads, the broker's buffers), which the heap figures
 * alone do not show. Elsewhere than on Linux the figures are absent.
 */
public final class Rss {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Pattern FIELD = Pattern.compile("(\\w+):\\s+(\\d+)\\s+kB");
    private static final long BYTES_PER_KIB = 1024;

    private Rss() {
    }

    /**
     * Peak resident set size of this process since it started: {@code VmHWM}, or {@code VmRSS} when
     * larger. Linux updates the high-water mark lazily (when memory is unmapped), so right after a
     * burst of allocation the current size can be above the recorded peak.
     */
    public static OptionalLong peakBytes() {
        return peak(readStatus());
    }

    /** Resident set size of this process now ({@code VmRSS}). */
    public static OptionalLong currentBytes() {
        return field(readStatus(), "VmRSS");
    }

    static OptionalLong peak(List<String> statusLines) {
        OptionalLong highWaterMark = field(statusLines, "VmHWM");
        OptionalLong current = field(statusLines, "VmRSS");
        if (highWaterMark.isEmpty()) {
            return current;
        }
        return OptionalLong.of(Math.max(highWaterMark.getAsLong(), current.orElse(0)));
    }

    /** A {@code kB} field of a status file, in bytes. */
    static OptionalLong field(List<String> statusLines, String name) {
        for (String line : statusLines) {
            Matcher matcher = FIELD.matcher(line.strip());
            if (matcher.matches() && matcher.group(1).equals(name)) {
                return OptionalLong.of(Long.parseLong(matcher.group(2)) * BYTES_PER_KIB);
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> readStatus() {
        try {
            return Files.readAllLines(STATUS);
        } catch (IOException | UnsupportedOperationException e) {
            return List.of();
        }
    }
}
