package io.autoscale.chat.launcher;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user how far a long run has got, on stderr, so that stdout keeps only the run's own
 * lines. On a terminal it redraws one progress bar line with {@code '\r'} four times a second;
 * elsewhere (a log, a pipe, CI) it prints a plain line every 5 s, which reads well in a file.
 *
 * <p>Both show the share of the trace's event time covered, the requests accounted for, the rate
 * in requests per second of wall time since {@link #start()}, and the time left if the rate of
 * event time covered holds.
 *
 * <p>It prints nothing when the run's length is unknown (there is no share to show), and nothing
 * during its first 3 s of wall time: a short run finishes before the reporter would have anything
 * useful to say, and its console stays exactly as it was without a reporter.
 */
public final class ProgressReporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    /** How far a run has got. */
    public record Progress(long eventSeconds, long requests) {
    }

    static final long QUIET_START_NS = TimeUnit.SECONDS.toNanos(3);
    static final long TERMINAL_PERIOD_MS = 250;
    static final long PLAIN_PERIOD_MS = 5_000;
    private static final int BAR_CELLS = 30;

    private final long totalEventSeconds;
    private final Supplier<Progress> progress;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;

    private ScheduledExecutorService timer;
    private long startNs;
    private int lastBarLength;
    /** Whether a bar is on screen, so that {@link #close()} ends its line. */
    private boolean barDrawn;

    /**
     * @param totalEventSeconds event time the whole run covers, or 0 or less when unknown
     * @param progress          how far the run has got; called from the reporter's thread
     * @param out               where to print
     * @param terminal          whether {@code out} is a terminal that understands {@code '\r'}
     * @param nanoClock         wall clock, in nanoseconds, like {@link System#nanoTime()}
     */
    ProgressReporter(long totalEventSeconds, Supplier<Progress> progress, PrintStream out, boolean terminal,
            LongSupplier nanoClock) {
        this.totalEventSeconds = totalEventSeconds;
        this.progress = progress;
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** A reporter on stderr, drawing a bar when this process has a console. */
    public static ProgressReporter onStderr(long totalEventSeconds, Supplier<Progress> progress) {
        return new ProgressReporter(totalEventSeconds, progress, System.err, System.console() != null,
                System::nanoTime);
    }

    /** Starts reporting on a daemon thread; does nothing when the run's length is unknown. */
    public synchronized void start() {
        if (totalEventSeconds <= 0 || timer != null) {
            return;
        }
        markStart();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-reporter");
            thread.setDaemon(true);
            return thread;
        });
        long periodMs = terminal ? TERMINAL_PERIOD_MS : PLAIN_PERIOD_MS;
        timer.scheduleAtFixedRate(this::safeTick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Stops reporting; on a terminal, redraws the bar a last time and ends its line. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (barDrawn) {
                drawBar(render(progress.get(), nanoClock.getAsLong() - startNs));
                out.println();
                out.flush();
                barDrawn = false;
            }
        }
    }

    /** One refresh: what the timer runs; tests call it with a fake clock. */
    synchronized void tick() {
        long elapsedNs = nanoClock.getAsLong() - startNs;
        boolean tooEarly = elapsedNs < QUIET_START_NS;
        if (tooEarly) {
            return;
        }
        Progress now = progress.get();
        if (terminal) {
            drawBar(render(now, elapsedNs));
            barDrawn = true;
        } else {
            out.println("progress: " + render(now, elapsedNs));
        }
        out.flush();
    }

    /** Rates and the quiet start are measured from here; {@link #start()} calls it. */
    synchronized void markStart() {
        startNs = nanoClock.getAsLong();
    }

    /** {@code 41% of event time, 2,345,678 requests, 210,000 req/s, ETA 0:42}. */
    String render(Progress now, long elapsedNs) {
        double share = shareCovered(now);
        double elapsedSeconds = elapsedNs / 1e9;
        long requestsPerSecond = elapsedSeconds > 0 ? Math.round(now.requests() / elapsedSeconds) : 0;
        String text = String.format(Locale.ROOT, "%d%% of event time, %,d requests, %,d req/s, ETA %s",
                (long) Math.floor(share * 100), now.requests(), requestsPerSecond, eta(share, elapsedSeconds));
        return terminal ? bar(share) + " " + text : text;
    }

    /** {@code 0:42}, {@code 12:05} or {@code 1:02:03}; {@code ?} until some event time is covered. */
    static String formatEta(double remainingSeconds) {
        if (Double.isNaN(remainingSeconds) || Double.isInfinite(remainingSeconds) || remainingSeconds < 0) {
            return "?";
        }
        long seconds = Math.round(remainingSeconds);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    private double shareCovered(Progress now) {
        double share = (double) now.eventSeconds() / totalEventSeconds;
        return Math.max(0, Math.min(1, share));
    }

    /** Time left if event time keeps being covered at its average rate so far. */
    private static String eta(double share, double elapsedSeconds) {
        if (share <= 0) {
            return "?";
        }
        return formatEta(elapsedSeconds * (1 - share) / share);
    }

    private static String bar(double share) {
        int filled = (int) Math.floor(share * BAR_CELLS);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_CELLS - filled) + "]";
    }

    /** Pads over the end of a longer previous line, which {@code '\r'} alone would leave on screen. */
    private void drawBar(String line) {
        int padding = Math.max(0, lastBarLength - line.length());
        out.print("\r" + line + " ".repeat(padding));
        lastBarLength = line.length();
    }

    /** A failing supplier must not end the timer silently: it logs and tries again next tick. */
    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.debug("Progress not available this tick: {}", e.toString());
        }
    }
}
