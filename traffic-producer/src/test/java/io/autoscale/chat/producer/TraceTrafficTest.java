package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.ChatRequest;
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
}
