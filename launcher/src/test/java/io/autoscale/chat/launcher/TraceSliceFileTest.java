package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.producer.TraceReader;
import io.autoscale.chat.producer.TraceSlice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceSliceFileTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyTheSlicesCountsOnePerLine() throws IOException {
        Path trace = Files.writeString(dir.resolve("t.txt"), "5 6 7 8 9");
        Path target = dir.resolve("slice.txt");

        long written = TraceSliceFile.write(trace, TraceSlice.ofSeconds(1, 4), target);

        assertThat(written).isEqualTo(3);
        assertThat(Files.readString(target)).isEqualTo("6\n7\n8\n");
    }

    @Test
    void dayOneOfTheWeekBecomesAFileWithTheSameSummary() {
        Path week = Traces.file("twitter-2021-08-days01-07.txt.gz");
        Path target = dir.resolve("day1.txt");
        TraceSlice dayOne = TraceSlice.parse("1d", "2d");

        long written = TraceSliceFile.write(week, dayOne, target);

        assertThat(written).isEqualTo(86_400);
        assertThat(TraceReader.validate(target)).isEqualTo(TraceReader.validate(week, dayOne));
        assertThat(TraceReader.validate(target).requests()).isEqualTo(5_527_437);
    }
}
