package io.autoscale.chat.producer;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Holds each event back until its wall time comes: {@code wallStart + eventTime / speed}.
 *
 * <p>Events are released in batches: once the pacer has waited, everything due within the next
 * {@code batchNanos} goes out at once, without reading the clock again. The producer's linger
 * batches records over a few milliseconds anyway, and sleeping per event would cost more than it
 * saves at thousands of events per second.
 */
public final class Pacer {

    /** Sleeps for a span of wall time; injected so that tests control time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** Close to the producer's 5 ms linger: finer pacing would not reach the broker anyway. */
    public static final long DEFAULT_BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final double NANOS_PER_MS = 1_000_000.0;

    private final Speed speed;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final long batchNanos;

    private long wallStartNanos;
    /** Wall offset from the start up to which events may go out without another look at the clock. */
    private long releasedUntilNanos = Long.MIN_VALUE;

    public Pacer(Speed speed, LongSupplier nanoClock, Sleeper sleeper, long batchNanos) {
        if (batchNanos < 0) {
            throw new IllegalArgumentException("pacing batch must be at least 0 ns, got " + batchNanos);
        }
        this.speed = speed;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.batchNanos = batchNanos;
    }

    /** Paces on the system's monotonic clock. */
    public static Pacer system(Speed speed) {
        return new Pacer(speed, System::nanoTime, TimeUnit.NANOSECONDS::sleep, DEFAULT_BATCH_NANOS);
    }

    /** Marks event time 0 as now. */
    public void start() {
        wallStartNanos = nanoClock.getAsLong();
        releasedUntilNanos = Long.MIN_VALUE;
    }

    /** Returns once an event stamped {@code eventTimeMs} may be sent. */
    public void awaitEventTime(long eventTimeMs) throws InterruptedException {
        if (speed.isMax()) {
            return;
        }
        long dueNanos = (long) (eventTimeMs * NANOS_PER_MS / speed.factor());
        if (dueNanos <= releasedUntilNanos) {
            return;
        }

        long nowNanos = elapsedNanos();
        while (dueNanos - nowNanos > batchNanos) {
            sleeper.sleepNanos(dueNanos - nowNanos);
            nowNanos = elapsedNanos();
        }
        releasedUntilNanos = nowNanos + batchNanos;
    }

    /** Wall time since {@link #start()}. */
    public long elapsedNanos() {
        return nanoClock.getAsLong() - wallStartNanos;
    }
}
