package io.autoscale.chat.producer;

import io.autoscale.chat.model.ChatRequest;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Replays a trace of per-second request counts, or a slice of it. A trace carries no users, so its
 * requests have none and it has no sessions; the {@code c} requests of second {@code s} of the
 * replay are spread evenly over that second, at {@code s * 1000 + floor(i * 1000 / c)} ms.
 *
 * <p>Event time starts at 0 at the slice's first second and request ids are dense from 0 within
 * the slice, so a slice replays exactly like a trace file holding only those seconds.
 */
public final class TraceTraffic implements TrafficSource {

    private static final long MS_PER_SECOND = 1000;

    private final TraceReader reader;
    private final MessageSize messageSize;
    private final SplittableRandom random;
    private final int durationSeconds;
    private final TraceSlice slice;

    private boolean positioned;
    private long nextSecond;
    private long nextRequestId;

    /**
     * Replays the whole trace.
     *
     * @param reader          the trace, positioned at its first second
     * @param messageSize     size of each request's body
     * @param seed            seeds the message sizes when they are not fixed
     * @param durationSeconds the trace's length when a validating pass has measured it, else
     *                        {@link TrafficSource#UNKNOWN_DURATION}
     */
    public TraceTraffic(TraceReader reader, MessageSize messageSize, long seed, int durationSeconds) {
        this(reader, messageSize, seed, durationSeconds, TraceSlice.WHOLE);
    }

    /**
     * Replays a slice of the trace.
     *
     * @param reader          the trace, positioned at its first second
     * @param messageSize     size of each request's body
     * @param seed            seeds the message sizes when they are not fixed
     * @param durationSeconds the slice's length when a validating pass has measured it
     *                        ({@link TraceReader#validate(Path, TraceSlice)}), else
     *                        {@link TrafficSource#UNKNOWN_DURATION}
     * @param slice           the seconds of the trace to replay
     */
    public TraceTraffic(TraceReader reader, MessageSize messageSize, long seed, int durationSeconds,
            TraceSlice slice) {
        this.reader = reader;
        this.messageSize = messageSize;
        this.random = new SplittableRandom(seed);
        this.durationSeconds = durationSeconds;
        this.slice = slice;
    }

    /** Opens a trace of unknown length. */
    public static TraceTraffic open(Path trace, MessageSize messageSize, long seed) {
        return open(trace, messageSize, seed, TraceSlice.WHOLE);
    }

    /** Opens a slice of a trace of unknown length. */
    public static TraceTraffic open(Path trace, MessageSize messageSize, long seed, TraceSlice slice) {
        return new TraceTraffic(TraceReader.open(trace), messageSize, seed, UNKNOWN_DURATION, slice);
    }

    @Override
    public int durationSeconds() {
        return durationSeconds;
    }

    /**
     * @throws IllegalArgumentException on the first call, when the trace ends before the slice
     *                                  starts (a trace that ends before the slice's end simply
     *                                  ends the replay early)
     */
    @Override
    public boolean nextSecond(SecondSink sink) {
        maybeSkipToSlice();
        boolean sliceDone = slice.hasEnd() && slice.fromSeconds() + nextSecond >= slice.toSeconds();
        if (sliceDone) {
            return false;
        }
        int count = reader.nextCount();
        if (count == TraceReader.END) {
            boolean sliceStartsAtTheEnd = nextSecond == 0;
            if (sliceStartsAtTheEnd) {
                slice.checkWithin(reader.secondsRead());
            }
            return false;
        }
        long startMs = nextSecond++ * MS_PER_SECOND;
        for (int i = 0; i < count; i++) {
            long timeMs = startMs + i * MS_PER_SECOND / count;
            sink.request(new ChatRequest(nextRequestId++, null, timeMs, messageSize.sample(random)));
        }
        return true;
    }

    @Override
    public int connectedUsers() {
        return 0;
    }

    @Override
    public String describe() {
        return slice.isWhole() ? "trace file=" + reader.file()
                : "trace file=" + reader.file() + " slice=" + slice.describe();
    }

    @Override
    public void close() {
        reader.close();
    }

    private void maybeSkipToSlice() {
        if (positioned) {
            return;
        }
        positioned = true;
        reader.skip(slice.fromSeconds());
    }
}
