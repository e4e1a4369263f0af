package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    private static final Path HOUR_TRACE = Path.of("/work/shared/traces/twitter-2021-08-01-hour07.txt");
    private static final Path WEEK_TRACE = Path.of("/work/shared/traces/twitter-2021-08-days01-07.txt.gz");

    @TempDir
    Path dir;

    @Test
    void readsOneCountPerLine() throws IOException {
        Path file = write("counts.txt", "3\n0\n12\n7\n");

        assertThat(readAll(file)).containsExactly(3, 0, 12, 7);
    }

    @Test
    void readsAllCountsOnOneLineWithAnyWhitespace() throws IOException {
        Path file = write("counts.txt", "  3 0\t12\r\n\n7   2147483647");

        assertThat(readAll(file)).containsExactly(3, 0, 12, 7, Integer.MAX_VALUE);
    }

    @Test
    void readsGzipDirectly() throws IOException {
        Path file = dir.resolve("counts.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("5 6 7\n8".getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(readAll(file)).containsExactly(5, 6, 7, 8);
        assertThat(TraceReader.validate(file)).isEqualTo(new TraceSummary(4, 26, 8));
    }

    @Test
    void readsALongSingleLineAcrossManyBuffers() throws IOException {
        StringBuilder text = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < 200_000; i++) {
            text.append(i % 1000).append(' ');
            expected += i % 1000;
        }
        Path file = write("long.txt", text.toString());

        assertThat(TraceReader.validate(file)).isEqualTo(new TraceSummary(200_000, expected, 999));
    }

    @Test
    void validatesTheRealHourTrace() {
        TraceSummary summary = TraceReader.validate(HOUR_TRACE);

        assertThat(summary.seconds()).isEqualTo(3600);
        assertThat(summary.requests()).isEqualTo(362_736);
        assertThat(summary.peakRequestsPerSecond()).isEqualTo(338);
    }

    @Test
    void validatesTheRealWeekTraceAllOnOneGzippedLine() {
        TraceSummary summary = TraceReader.validate(WEEK_TRACE);

        assertThat(summary.seconds()).isEqualTo(604_800);
        assertThat(summary.requests()).isEqualTo(38_530_471);
        assertThat(summary.peakRequestsPerSecond()).isEqualTo(338);
    }

    @Test
    void rejectsANonNumericTokenWithItsPosition() throws IOException {
        Path file = write("bad.txt", "1 2\n3 abc 5\n");

        assertThatThrownBy(() -> TraceReader.validate(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("trace file " + file + ", line 2:3, token 4 (second 3): 'abc'"
                        + " is not a non-negative integer");
    }

    @Test
    void rejectsANegativeCount() throws IOException {
        Path file = write("bad.txt", "4\n-7\n");

        assertThatThrownBy(() -> TraceReader.validate(file))
                .hasMessage("trace file " + file + ", line 2:1, token 2 (second 1): '-7' is negative;"
                        + " a request count must be 0 or more");
    }

    @Test
    void rejectsADecimalOrSignedNumberAsNonNumeric() throws IOException {
        Path decimal = write("decimal.txt", "1.5");
        Path plus = write("plus.txt", "0 +3");

        assertThatThrownBy(() -> TraceReader.validate(decimal))
                .hasMessage("trace file " + decimal + ", line 1:1, token 1 (second 0): '1.5'"
                        + " is not a non-negative integer");
        assertThatThrownBy(() -> TraceReader.validate(plus))
                .hasMessage("trace file " + plus + ", line 1:3, token 2 (second 1): '+3'"
                        + " is not a non-negative integer");
    }

    @Test
    void rejectsACountTooLargeForAnInt() throws IOException {
        Path file = write("big.txt", "1 2 3 2147483648 4");

        assertThatThrownBy(() -> TraceReader.validate(file))
                .hasMessage("trace file " + file + ", line 1:7, token 4 (second 3): '2147483648' is too large;"
                        + " a request count must be at most 2147483647");
    }

    @Test
    void cutsARunawayTokenInTheMessage() throws IOException {
        Path file = write("runaway.txt", "9 " + "x".repeat(100));

        assertThatThrownBy(() -> TraceReader.validate(file))
                .hasMessage("trace file " + file + ", line 1:3, token 2 (second 1): '" + "x".repeat(40)
                        + "...' is not a non-negative integer");
    }

    @Test
    void countsColumnsInCharactersNotBytes() throws IOException {
        Path file = write("utf8.txt", "é 1");

        assertThatThrownBy(() -> TraceReader.validate(file))
                .hasMessage("trace file " + file + ", line 1:1, token 1 (second 0): 'é'"
                        + " is not a non-negative integer");

        Path after = write("after.txt", "5 é");
        assertThatThrownBy(() -> TraceReader.validate(after)).hasMessageContaining("line 1:3");
    }

    @Test
    void rejectsAnEmptyOrBlankFile() throws IOException {
        Path empty = write("empty.txt", "");
        Path blank = write("blank.txt", " \n\n\t ");

        assertThatThrownBy(() -> TraceReader.validate(empty))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("trace file " + empty + " is empty: it holds no per-second request count");
        assertThatThrownBy(() -> TraceReader.validate(blank))
                .hasMessage("trace file " + blank + " is empty: it holds no per-second request count");
    }

    @Test
    void rejectsAMissingFileOrADirectory() {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> TraceReader.open(missing))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("trace file " + missing + " does not exist");
        assertThatThrownBy(() -> TraceReader.validate(dir))
                .hasMessage("trace file " + dir + " is a directory, not a file");
    }

    @Test
    void rejectsAGzNameOnAFileThatIsNotGzip() throws IOException {
        Path file = write("plain.txt.gz", "1 2 3");

        assertThatThrownBy(() -> TraceReader.validate(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("cannot read trace file " + file + ": Not in GZIP format");
    }

    @Test
    void reportsTheTokenThatReachesEachSecond() throws IOException {
        try (TraceReader reader = TraceReader.open(write("counts.txt", "1 2"))) {
            assertThat(reader.secondsRead()).isZero();
            assertThat(reader.nextCount()).isEqualTo(1);
            assertThat(reader.nextCount()).isEqualTo(2);
            assertThat(reader.secondsRead()).isEqualTo(2);
            assertThat(reader.nextCount()).isEqualTo(TraceReader.END);
            assertThat(reader.nextCount()).isEqualTo(TraceReader.END);
        }
    }

    @Test
    void summarisesASliceOfTheHourTraceFromTheCountsInTheFile() throws IOException {
        int[] counts = countsIn(HOUR_TRACE);

        TraceSummary summary = TraceReader.validate(HOUR_TRACE, TraceSlice.parse("600", "1200"));

        assertThat(summary).isEqualTo(new TraceSummary(600, sum(counts, 600, 1200), max(counts, 600, 1200)));
        assertThat(summary.requests()).isEqualTo(45_684);
    }

    @Test
    void aSliceWithoutAnEndRunsToTheEndOfTheTrace() throws IOException {
        int[] counts = countsIn(HOUR_TRACE);

        TraceSummary summary = TraceReader.validate(HOUR_TRACE, TraceSlice.parse("00:50:00", null));

        assertThat(summary).isEqualTo(new TraceSummary(600, sum(counts, 3000, 3600), max(counts, 3000, 3600)));
    }

    @Test
    void dayOneOfTheWeekIsItsSecondDay() throws IOException {
        int[] counts = countsIn(WEEK_TRACE);

        TraceSummary summary = TraceReader.validate(WEEK_TRACE, TraceSlice.parse("1d", "2d"));

        assertThat(summary.seconds()).isEqualTo(86_400);
        assertThat(summary.requests()).isEqualTo(sum(counts, 86_400, 172_800)).isEqualTo(5_527_437);
        assertThat(summary.peakRequestsPerSecond()).isEqualTo(max(counts, 86_400, 172_800)).isEqualTo(332);
    }

    @Test
    void theHourFileIsHourSevenOfTheWeeksFirstDay() throws IOException {
        TraceSummary hour = TraceReader.validate(WEEK_TRACE, TraceSlice.parse("07:00:00", "08:00:00"));

        assertThat(hour).isEqualTo(TraceReader.validate(HOUR_TRACE));
    }

    @Test
    void everyDayOfTheWeekEndsWithTwentyNineMinutesWithoutRequests() {
        for (int day = 0; day < 7; day++) {
            long dayEnd = (day + 1) * 86_400L;
            TraceSlice gap = TraceSlice.ofSeconds(day * 86_400L + 84_661, dayEnd);

            TraceSummary summary = TraceReader.validate(WEEK_TRACE, gap);

            assertThat(summary).as("day %d", day).isEqualTo(new TraceSummary(1_739, 0, 0));
            if (day < 6) {
                TraceSummary nextMinute = TraceReader.validate(WEEK_TRACE, TraceSlice.ofSeconds(dayEnd, dayEnd + 60));
                assertThat(nextMinute.requests()).as("first minute of day %d", day + 1).isPositive();
            }
        }
    }

    @Test
    void aSlicePastTheEndIsFoundByValidation() {
        assertThatThrownBy(() -> TraceReader.validate(WEEK_TRACE, TraceSlice.parse("8d", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(TraceFormatException.class)
                .hasMessage("--from 8d is past the end of the trace (604,800 s)");
        assertThatThrownBy(() -> TraceReader.validate(HOUR_TRACE, TraceSlice.parse("0", "01:00:01")))
                .hasMessage("--to 01:00:01 is past the end of the trace (3,600 s)");
    }

    @Test
    void aMalformedTokenAfterTheSliceStillFailsValidation() throws IOException {
        Path file = write("bad.txt", "1 2 3 x");

        assertThatThrownBy(() -> TraceReader.validate(file, TraceSlice.ofSeconds(0, 2)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("token 4 (second 3): 'x'");
    }

    @Test
    void skipsCountsWithoutHandingThemOut() throws IOException {
        try (TraceReader reader = TraceReader.open(write("counts.txt", "1 2 3 4"))) {
            assertThat(reader.skip(2)).isEqualTo(2);
            assertThat(reader.nextCount()).isEqualTo(3);
            assertThat(reader.skip(5)).isEqualTo(1);
            assertThat(reader.nextCount()).isEqualTo(TraceReader.END);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The counts of a trace read with the JDK alone, to check the reader against. */
    static int[] countsIn(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return Arrays.stream(text.split("\\s+")).mapToInt(Integer::parseInt).toArray();
        }
    }

    static long sum(int[] counts, int from, int to) {
        return Arrays.stream(counts, from, to).asLongStream().sum();
    }

    private static int max(int[] counts, int from, int to) {
        return Arrays.stream(counts, from, to).max().orElseThrow();
    }

    private static List<Integer> readAll(Path file) {
        List<Integer> counts = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(file)) {
            for (int count = reader.nextCount(); count != TraceReader.END; count = reader.nextCount()) {
                counts.add(count);
            }
        }
        return counts;
    }
}
