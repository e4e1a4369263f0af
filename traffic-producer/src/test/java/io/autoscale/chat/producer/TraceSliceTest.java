package io.autoscale.chat.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceSliceTest {

    @ParameterizedTest(name = "{0} is {1} s")
    @CsvSource(delimiter = '|', textBlock = """
            0           | 0
            3600        | 3600
            ' 600 '     | 600
            07:00:00    | 25200
            7:00:00     | 25200
            23:59:59    | 86399
            00:00:01    | 1
            0d          | 0
            1d          | 86400
            2d          | 172800
            7d          | 604800
            1d 06:30    | 109800
            1d06:30     | 109800
            1d  06:30   | 109800
            2d 00:00    | 172800
            6d 23:59    | 604740
            1d 06:30:15 | 109815
            """)
    void parsesEveryFormOfTime(String text, long seconds) {
        assertThat(TraceSlice.parseTime("--from", text)).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            25:00:00
            07:60:00
            07:00:60
            07:00
            -5
            1.5
            1h
            1d 24:00
            1d 06:61
            d
            1 d
            1d 6:3
            abc
            07:00:00:00
            """)
    void rejectsAnythingElseNamingTheOptionAndTheValue(String text) {
        assertThatThrownBy(() -> TraceSlice.parse(text, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--from '" + text + "' is not a time: use seconds, HH:MM:SS, Dd or Dd HH:MM");
        assertThatThrownBy(() -> TraceSlice.parse(null, text))
                .hasMessage("--to '" + text + "' is not a time: use seconds, HH:MM:SS, Dd or Dd HH:MM");
    }

    @Test
    void absentBoundsMeanTheStartAndTheEndOfTheTrace() {
        TraceSlice whole = TraceSlice.parse(null, " ");

        assertThat(whole.fromSeconds()).isZero();
        assertThat(whole.toSeconds()).isEqualTo(TraceSlice.END_OF_TRACE);
        assertThat(whole.hasEnd()).isFalse();
        assertThat(whole.isWhole()).isTrue();
        assertThat(whole).isEqualTo(TraceSlice.WHOLE);
        assertThat(whole.lengthSeconds(3600)).isEqualTo(3600);
    }

    @Test
    void keepsBothBoundsAndMeasuresTheSlice() {
        TraceSlice day = TraceSlice.parse("1d", "2d");

        assertThat(day.fromSeconds()).isEqualTo(86_400);
        assertThat(day.toSeconds()).isEqualTo(172_800);
        assertThat(day.lengthSeconds(604_800)).isEqualTo(86_400);
        assertThat(day.describe()).isEqualTo("from 1d to 2d");
        assertThat(TraceSlice.parse("600", null).describe()).isEqualTo("from 600 to the end");
        assertThat(TraceSlice.parse("6d", null).lengthSeconds(604_800)).isEqualTo(86_400);
    }

    @Test
    void rejectsAnEndThatIsNotAfterTheStart() {
        assertThatThrownBy(() -> TraceSlice.parse("7200", "3600"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--to (3600) must be after --from (7200)");
        assertThatThrownBy(() -> TraceSlice.parse("1d", "1d"))
                .hasMessage("--to (1d) must be after --from (1d)");
        assertThatThrownBy(() -> TraceSlice.parse(null, "0"))
                .hasMessage("--to (0) must be after --from (0)");
        assertThatThrownBy(() -> TraceSlice.ofSeconds(10, 5))
                .hasMessage("--to (5) must be after --from (10)");
    }

    @Test
    void aSliceMustLieWithinTheTrace() {
        assertThatThrownBy(() -> TraceSlice.parse("8d", null).checkWithin(604_800))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--from 8d is past the end of the trace (604,800 s)");
        assertThatThrownBy(() -> TraceSlice.parse("7d", null).checkWithin(604_800))
                .hasMessage("--from 7d is past the end of the trace (604,800 s)");
        assertThatThrownBy(() -> TraceSlice.parse("6d", "7d 00:01").checkWithin(604_800))
                .hasMessage("--to 7d 00:01 is past the end of the trace (604,800 s)");

        TraceSlice.parse("6d", "7d").checkWithin(604_800);
        TraceSlice.parse("3599", null).checkWithin(3600);
    }
}
