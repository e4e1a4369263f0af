package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RssTest {

    private static final List<String> STATUS = List.of(
            "Name:\tjava",
            "VmPeak:\t 9876543 kB",
            "VmHWM:\t  812344 kB",
            "VmRSS:\t  700000 kB",
            "Threads:\t52");

    @Test
    void readsAKilobyteFieldInBytes() {
        assertThat(Rss.field(STATUS, "VmHWM")).hasValue(812_344L * 1024);
        assertThat(Rss.field(STATUS, "VmRSS")).hasValue(700_000L * 1024);
    }

    @Test
    void aMissingFieldIsAbsent() {
        assertThat(Rss.field(STATUS, "VmSwap")).isEmpty();
        assertThat(Rss.field(STATUS, "Threads")).isEmpty();
        assertThat(Rss.field(List.of(), "VmHWM")).isEmpty();
    }

    @Test
    void thePeakIsTheHighWaterMarkOrTheCurrentSizeWhenLinuxHasNotCaughtUp() {
        assertThat(Rss.peak(STATUS)).hasValue(812_344L * 1024);
        assertThat(Rss.peak(List.of("VmHWM:\t 90000 kB", "VmRSS:\t 90140 kB"))).hasValue(90_140L * 1024);
        assertThat(Rss.peak(List.of("VmRSS:\t 5 kB"))).hasValue(5L * 1024);
    }

    @Test
    void thisProcessHasAPeakOfSomeMegabytesOnLinux() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return;
        }
        assertThat(Rss.peakBytes().orElseThrow()).isGreaterThan(10L * 1024 * 1024);
        assertThat(Rss.currentBytes().orElseThrow()).isGreaterThan(10L * 1024 * 1024);
    }
}
