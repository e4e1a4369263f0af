package io.autoscale.chat.model;

/** Window arithmetic on event times in milliseconds. */
public final class EventTime {

    private EventTime() {
    }

    /** Start of the window of {@code sizeMs} that holds {@code timeMs}; exact for negative times too. */
    public static long windowStart(long timeMs, long sizeMs) {
        return Math.floorDiv(timeMs, sizeMs) * sizeMs;
    }

    public static String format(long timeMs) {
        long seconds = Math.floorDiv(timeMs, 1000);
        long millis = Math.floorMod(timeMs, 1000);
        return millis == 0 ? seconds + "s" : seconds + "." + String.format("%03d", millis) + "s";
    }
}
