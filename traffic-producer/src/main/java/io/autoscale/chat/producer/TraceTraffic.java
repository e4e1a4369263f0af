package io.autoscale.chat.producer;

import io.autoscale.chat.model.ChatRequest;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Replays a trace of per-second request counts. A trace carries no users, so its requests have
 * none and it has no sessions; the {@code c} requests of second {@code s} are spread evenly over
 * that second, at {@code s * 1000 + floor(i * 1000 / c)} ms.
 */
public final class TraceTraffic implements TrafficSource {

    private static final long MS_PER_SECOND = 1000;

    private final TraceReader reader;
    private final MessageSize messageSize;
    private final SplittableRandom random;
    private final int durationSeconds;

    private long nextSecond;
    private long nextRequestId;

    /**
     * @param reader          the trace, positioned at its first second
     * @param messageSize     size of each request's body
     * @param seed            seeds the message sizes when they are not fixed
     * @param durationSeconds the trace's length when a validating pass has measured it, else
     *                        {@link TrafficSource#UNKNOWN_DURATION}
     */
    public TraceTraffic(TraceReader reader, MessageSize messageSize, long seed, int durationSeconds) {
        this.reader = reader;
        this.messageSize = messageSize;
        this.random = new SplittableRandom(seed);
        this.durationSeconds = durationSeconds;
    }

    /** Opens a trace of unknown length. */
    public static TraceTraffic open(Path trace, MessageSize messageSize, long seed) {
        return new TraceTraffic(TraceReader.open(trace), messageSize, seed, UNKNOWN_DURATION);
    }

    @Override
    public int durationSeconds() {
        return durationSeconds;
    }

    @Override
    public boolean nextSecond(SecondSink sink) {
        int count = reader.nextCount();
        if (count == TraceReader.END) {
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
        return "trace file=" + reader.file();
    }

    @Override
    public void close() {
        reader.close();
    }
}
