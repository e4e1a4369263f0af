package io.autoscale.chat.launcher;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Notices a service that has stopped making progress: once it has made some, no change of its
 * progress counter for the timeout is a failure. Before any progress it waits without limit, since a
 * service started on its own may wait for a producer that starts later.
 */
final class StallWatch {

    private final long timeoutNs;
    private final LongSupplier clockNs;
    private long lastProgress;
    private long lastChangeNs;

    /** @param timeoutSeconds 0 to wait without limit */
    StallWatch(long timeoutSeconds) {
        this(timeoutSeconds, System::nanoTime);
    }

    StallWatch(long timeoutSeconds, LongSupplier clockNs) {
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("--stall-timeout must be 0 (no limit) or more seconds, got "
                    + timeoutSeconds);
        }
        this.timeoutNs = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.clockNs = clockNs;
        this.lastChangeNs = clockNs.getAsLong();
    }

    /** @return why the service counts as stalled, or {@code null} */
    String check(long progress) {
        long nowNs = clockNs.getAsLong();
        if (progress != lastProgress) {
            lastProgress = progress;
            lastChangeNs = nowNs;
            return null;
        }
        if (timeoutNs == 0 || progress == 0 || nowNs - lastChangeNs <= timeoutNs) {
            return null;
        }
        return "no progress for " + TimeUnit.NANOSECONDS.toSeconds(timeoutNs) + " s of wall time";
    }
}
