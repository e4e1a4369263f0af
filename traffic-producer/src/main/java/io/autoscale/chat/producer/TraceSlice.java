package io.autoscale.chat.producer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a trace to replay: seconds {@code [fromSeconds, toSeconds)} of the trace file.
 * The replay's event time starts at 0 at {@code fromSeconds}, so windows and reports start at 0
 * for any slice.
 *
 * <p>The texts the user gave are kept, so that an error found later (a slice past the end of the
 * trace) quotes them as typed.
 *
 * @param fromSeconds first second replayed, inclusive, from 0
 * @param toSeconds   first second not replayed, or {@link #END_OF_TRACE}
 * @param fromText    the {@code --from} value as given, or {@code null} when absent
 * @param toText      the {@code --to} value as given, or {@code null} when absent
 */
public record TraceSlice(long fromSeconds, long toSeconds, String fromText, String toText) {

    /** {@link #toSeconds()} of a slice that runs to the end of the trace. */
    public static final long END_OF_TRACE = Long.MAX_VALUE;

    /** The whole trace. */
    public static final TraceSlice WHOLE = new TraceSlice(0, END_OF_TRACE, null, null);

    private static final long SECONDS_PER_DAY = 86_400;
    private static final String FORMATS = "use seconds, HH:MM:SS, Dd or Dd HH:MM";

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})");
    /** Days, then optionally a time of day as HH:MM (or HH:MM:SS), with or without a space. */
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d(?:\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    public TraceSlice {
        if (fromSeconds < 0) {
            throw new IllegalArgumentException("--from must be at least 0 s, got " + fromSeconds);
        }
        if (toSeconds <= fromSeconds) {
            throw new IllegalArgumentException("--to (" + textOf(toText, toSeconds) + ") must be after --from ("
                    + textOf(fromText, fromSeconds) + ")");
        }
    }

    /** A slice given in seconds. */
    public static TraceSlice ofSeconds(long fromSeconds, long toSeconds) {
        return new TraceSlice(fromSeconds, toSeconds, null, null);
    }

    /**
     * Parses {@code --from} and {@code --to}. Each is plain seconds ({@code 3600}), a time of day
     * ({@code 07:00:00}), whole days ({@code 1d} is 86,400 s), or days and a time of day
     * ({@code 1d 06:30} or {@code 1d06:30}).
     *
     * @param from the first second replayed, or {@code null} (or blank) for the start of the trace
     * @param to   the first second not replayed, or {@code null} (or blank) for the end of the trace
     * @throws IllegalArgumentException naming the option and the value when a time is not one of
     *                                  these forms, or when {@code to} is not after {@code from}
     */
    public static TraceSlice parse(String from, String to) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        long fromSeconds = hasFrom ? parseTime("--from", from) : 0;
        long toSeconds = hasTo ? parseTime("--to", to) : END_OF_TRACE;
        return new TraceSlice(fromSeconds, toSeconds, hasFrom ? from.strip() : null, hasTo ? to.strip() : null);
    }

    /**
     * Seconds from the start of the trace that {@code text} names.
     *
     * @throws IllegalArgumentException naming {@code option} and {@code text} when it is not a time
     */
    public static long parseTime(String option, String text) {
        String time = text.strip();

        if (SECONDS.matcher(time).matches()) {
            return Long.parseLong(time);
        }
        Matcher clock = CLOCK.matcher(time);
        if (clock.matches()) {
            return timeOfDay(option, text, clock.group(1), clock.group(2), clock.group(3));
        }
        Matcher days = DAYS.matcher(time);
        if (days.matches()) {
            long daySeconds = Long.parseLong(days.group(1)) * SECONDS_PER_DAY;
            boolean hasTimeOfDay = days.group(2) != null;
            return hasTimeOfDay
                    ? daySeconds + timeOfDay(option, text, days.group(2), days.group(3), days.group(4))
                    : daySeconds;
        }
        throw notATime(option, text);
    }

    public boolean hasEnd() {
        return toSeconds != END_OF_TRACE;
    }

    public boolean isWhole() {
        return fromSeconds == 0 && !hasEnd();
    }

    /** Seconds the slice covers in a trace of {@code traceSeconds}. */
    public long lengthSeconds(long traceSeconds) {
        return Math.min(toSeconds, traceSeconds) - Math.min(fromSeconds, traceSeconds);
    }

    /**
     * Checks that the slice lies within a trace of {@code traceSeconds}: {@code from} must name a
     * second of the trace and {@code to} must not pass its end.
     *
     * @throws IllegalArgumentException naming the option, its value and the trace's length
     */
    public void checkWithin(long traceSeconds) {
        if (fromSeconds >= traceSeconds) {
            throw pastTheEnd("--from", textOf(fromText, fromSeconds), traceSeconds);
        }
        if (hasEnd() && toSeconds > traceSeconds) {
            throw pastTheEnd("--to", textOf(toText, toSeconds), traceSeconds);
        }
    }

    /** The slice as a user would write it, for logs and the configuration block. */
    public String describe() {
        if (isWhole()) {
            return "whole trace";
        }
        String start = "from " + textOf(fromText, fromSeconds);
        return hasEnd() ? start + " to " + textOf(toText, toSeconds) : start + " to the end";
    }

    private static long timeOfDay(String option, String text, String hours, String minutes, String seconds) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        int s = seconds == null ? 0 : Integer.parseInt(seconds);
        boolean valid = h < 24 && m < 60 && s < 60;
        if (!valid) {
            throw notATime(option, text);
        }
        return h * 3600L + m * 60L + s;
    }

    private static IllegalArgumentException notATime(String option, String text) {
        return new IllegalArgumentException(option + " '" + text + "' is not a time: " + FORMATS);
    }

    private static IllegalArgumentException pastTheEnd(String option, String text, long traceSeconds) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is past the end of the trace (%,d s)",
                option, text, traceSeconds));
    }

    private static String textOf(String text, long seconds) {
        if (text != null) {
            return text;
        }
        return seconds == END_OF_TRACE ? "end of trace" : Long.toString(seconds);
    }
}
