package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.SessionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTrafficTest {

    @TempDir
    Path dir;

    @Test
    void spreadsASecondsRequestsEvenlyOverThatSecond() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "0 0 0 0 0 3");

        try (TraceTraffic traffic = TraceTraffic.open(file, MessageSize.fixed(100), 1)) {
            List<ChatRequest> requests = RecordingSink.drain(traffic).requests();

            assertThat(requests).containsExactly(
                    new ChatRequest(0, null, 5000, 100),
                    new ChatRequest(1, null, 5333, 100),
                    new ChatRequest(2, null, 5666, 100));
        }
    }

    @Test
    void deliversEverySecondOfTheTraceIncludingEmptyOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "2\n0\n1\n0\n");

        try (TraceTraffic traffic = TraceTraffic.open(file, MessageSize.fixed(50), 1)) {
            RecordingSink sink = RecordingSink.drain(traffic);

            assertThat(sink.seconds()).isEqualTo(4);
            assertThat(sink.sessions()).isEmpty();
            assertThat(sink.requests()).containsExactly(
                    new ChatRequest(0, null, 0, 50),
                    new ChatRequest(1, null, 500, 50),
                    new ChatRequest(2, null, 2000, 50));
            assertThat(traffic.connectedUsers()).isZero();
            assertThat(traffic.durationSeconds()).isEqualTo(TrafficSource.UNKNOWN_DURATION);
        }
    }

    @Test
    void replaysTheRealHourTraceInOrderWithDenseIds() {
        Path hour = Path.of("/work/shared/traces/twitter-2021-08-01-hour07.txt");

        try (TraceTraffic traffic = TraceTraffic.open(hour, MessageSize.DEFAULT, 3)) {
            RecordingSink sink = RecordingSink.drain(traffic);
            List<ChatRequest> requests = sink.requests();

            assertThat(sink.seconds()).isEqualTo(3600);
            assertThat(requests).hasSize(362_736);
            for (int i = 0; i < requests.size(); i++) {
                ChatRequest request = requests.get(i);
                assertThat(request.id()).isEqualTo(i);
                assertThat(request.bytes()).isBetween(20, 400);
                if (i > 0) {
                    assertThat(request.timeMs()).isGreaterThanOrEqualTo(requests.get(i - 1).timeMs());
                }
            }
            assertThat(requests.get(0).timeMs()).isZero();
            assertThat(requests.get(requests.size() - 1).timeMs()).isLessThan(3_600_000);
        }
    }

    @Test
    void theSameSeedGivesTheSameMessageSizes() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "40 40");

        try (TraceTraffic first = TraceTraffic.open(file, MessageSize.DEFAULT, 9);
                TraceTraffic second = TraceTraffic.open(file, MessageSize.DEFAULT, 9)) {
            assertThat(RecordingSink.drain(first).requests()).isEqualTo(RecordingSink.drain(second).requests());
        }
    }

    @Test
    void aSliceStartsEventTimeAndIdsAtZero() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "9 9 2 0 1 9 9");

        try (TraceTraffic traffic = TraceTraffic.open(file, MessageSize.fixed(10), 1, TraceSlice.parse("2", "5"))) {
            RecordingSink sink = RecordingSink.drain(traffic);

            assertThat(sink.seconds()).isEqualTo(3);
            assertThat(sink.requests()).containsExactly(
                    new ChatRequest(0, null, 0, 10),
                    new ChatRequest(1, null, 500, 10),
                    new ChatRequest(2, null, 2000, 10));
            assertThat(traffic.describe()).isEqualTo("trace file=" + file + " slice=from 2 to 5");
        }
    }

    @Test
    void aSliceReplaysLikeAFileHoldingOnlyItsSeconds() throws IOException {
        Path hour = Path.of("/work/shared/traces/twitter-2021-08-01-hour07.txt");
        int[] counts = TraceReaderTest.countsIn(hour);
        StringBuilder onlyTheSlice = new StringBuilder();
        for (int second = 600; second < 1200; second++) {
            onlyTheSlice.append(counts[second]).append('\n');
        }
        Path cut = Files.writeString(dir.resolve("cut.txt"), onlyTheSlice);

        try (TraceTraffic sliced = TraceTraffic.open(hour, MessageSize.DEFAULT, 5, TraceSlice.parse("600", "1200"));
                TraceTraffic whole = TraceTraffic.open(cut, MessageSize.DEFAULT, 5)) {
            RecordingSink fromSlice = RecordingSink.drain(sliced);

            assertThat(fromSlice.seconds()).isEqualTo(600);
            assertThat(fromSlice.requests()).hasSize((int) TraceReaderTest.sum(counts, 600, 1200))
                    .isEqualTo(RecordingSink.drain(whole).requests());
        }
    }

    @Test
    void aSliceOfDayOneOfTheWeekReplaysItsRequestsOnly() throws IOException {
        Path week = Path.of("/work/shared/traces/twitter-2021-08-days01-07.txt.gz");
        TraceSlice lastHourOfDayOne = TraceSlice.parse("1d 23:00", "2d");
        TraceSummary summary = TraceReader.validate(week, lastHourOfDayOne);
        CountingSink sink = new CountingSink();

        try (TraceTraffic traffic = new TraceTraffic(TraceReader.open(week), MessageSize.DEFAULT, 1,
                Math.toIntExact(summary.seconds()), lastHourOfDayOne)) {
            int seconds = 0;
            while (traffic.nextSecond(sink)) {
                seconds++;
            }

            assertThat(seconds).isEqualTo(3600).isEqualTo(traffic.durationSeconds());
            assertThat(sink.requests).isEqualTo(summary.requests()).isPositive();
            assertThat(sink.lastTimeMs).isLessThan(84_661_000L - 82_800_000L);
        }
    }

    @Test
    void aSliceThatStartsPastTheEndOfAnUnvalidatedTraceFailsOnTheFirstSecond() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "1 2 3");

        try (TraceTraffic traffic = TraceTraffic.open(file, MessageSize.fixed(10), 1, TraceSlice.parse("3", null))) {
            assertThatThrownBy(() -> traffic.nextSecond(new CountingSink()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--from 3 is past the end of the trace (3 s)");
        }
    }

    /** Counts requests without keeping them: a day of trace is millions. */
    private static final class CountingSink implements SecondSink {
        long requests;
        long lastTimeMs = -1;

        @Override
        public void session(SessionEvent session) {
            throw new AssertionError("a trace has no sessions");
        }

        @Override
        public void request(ChatRequest request) {
            requests++;
            lastTimeMs = request.timeMs();
        }
    }
}
