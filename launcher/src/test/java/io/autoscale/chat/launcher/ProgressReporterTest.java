package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.launcher.ProgressReporter.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private final AtomicLong clockNs = new AtomicLong(1_000_000_000L);
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress(0, 0));
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void printsAPlainLineWithShareRequestsRateAndEta() {
        ProgressReporter reporter = reporter(86_400, false);
        reporter.markStart();

        advanceSeconds(10);
        progress.set(new Progress(35_424, 2_345_678));
        reporter.tick();

        // 41% of the day in 10 s: the remaining 59% takes 10 * 0.59 / 0.41 = 14.4 s.
        assertThat(output()).isEqualTo("progress: 41% of event time, 2,345,678 requests, 234,568 req/s, ETA 0:14\n");
    }

    @Test
    void drawsABarOnATerminalOverwritingTheLineBefore() {
        ProgressReporter reporter = reporter(1_000, true);
        reporter.markStart();

        advanceSeconds(4);
        progress.set(new Progress(100, 12_345_678));
        reporter.tick();
        advanceSeconds(4);
        progress.set(new Progress(500, 2_000_000));
        reporter.tick();

        String first = "[###...........................] 10% of event time, 12,345,678 requests, 3,086,420 req/s,"
                + " ETA 0:36";
        String second = "[###############...............] 50% of event time, 2,000,000 requests, 250,000 req/s,"
                + " ETA 0:08";
        assertThat(output()).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()));
    }

    @Test
    void saysNothingDuringTheFirstThreeSeconds() {
        ProgressReporter plain = reporter(3_600, false);
        plain.markStart();
        progress.set(new Progress(1_800, 100_000));

        advanceMs(2_999);
        plain.tick();

        assertThat(output()).isEmpty();
        advanceMs(1);
        plain.tick();
        assertThat(output()).startsWith("progress: 50% of event time");
    }

    @Test
    void printsNothingAtAllWhenTheRunsLengthIsUnknown() {
        ProgressReporter reporter = reporter(0, true);

        reporter.start();
        reporter.close();

        assertThat(output()).isEmpty();
    }

    @Test
    void closingEndsTheBarsLineWithTheFinalState() {
        ProgressReporter reporter = reporter(100, true);
        reporter.start();
        reporter.close();
        assertThat(output()).as("a run shorter than the quiet start leaves no trace").isEmpty();

        ProgressReporter drawn = reporter(100, true);
        drawn.start();
        advanceSeconds(5);
        progress.set(new Progress(50, 500));
        drawn.tick();
        progress.set(new Progress(100, 1_000));
        drawn.close();

        assertThat(output()).endsWith("[##############################] 100% of event time, 1,000 requests, 200 req/s,"
                + " ETA 0:00\n");
    }

    @Test
    void anEtaIsUnknownUntilSomeEventTimeIsCovered() {
        ProgressReporter reporter = reporter(3_600, false);
        reporter.markStart();

        advanceSeconds(5);
        reporter.tick();

        assertThat(output()).isEqualTo("progress: 0% of event time, 0 requests, 0 req/s, ETA ?\n");
    }

    @Test
    void formatsTheEtaInMinutesOrHours() {
        assertThat(ProgressReporter.formatEta(0)).isEqualTo("0:00");
        assertThat(ProgressReporter.formatEta(42.4)).isEqualTo("0:42");
        assertThat(ProgressReporter.formatEta(725)).isEqualTo("12:05");
        assertThat(ProgressReporter.formatEta(3_723)).isEqualTo("1:02:03");
        assertThat(ProgressReporter.formatEta(Double.POSITIVE_INFINITY)).isEqualTo("?");
    }

    @Test
    void refreshesAtMostFourTimesASecondOnATerminalAndEveryFiveSecondsElsewhere() {
        assertThat(ProgressReporter.TERMINAL_PERIOD_MS).isEqualTo(250);
        assertThat(ProgressReporter.PLAIN_PERIOD_MS).isEqualTo(5_000);
        assertThat(ProgressReporter.QUIET_START_NS).isEqualTo(TimeUnit.SECONDS.toNanos(3));
    }

    private ProgressReporter reporter(long totalSeconds, boolean terminal) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new ProgressReporter(totalSeconds, progress::get, out, terminal, clockNs::get);
    }

    private void advanceSeconds(long seconds) {
        clockNs.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private void advanceMs(long ms) {
        clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
