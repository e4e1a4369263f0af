package io.autoscale.chat.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportSettingsTest {

    @Test
    void theObjectiveDefaultsToHalfASecond() {
        ReportSettings settings = ReportSettings.withDefaultSlo(50);

        assertThat(settings.capacityPerSecond()).isEqualTo(50.0);
        assertThat(settings.sloMs()).isEqualTo(500.0);
    }

    @Test
    void rejectsACapacityThatIsNotAPositiveNumberNamingTheOption() {
        assertThatThrownBy(() -> new ReportSettings(0, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--server-capacity must be > 0 requests/s, got 0");
        assertThatThrownBy(() -> new ReportSettings(-2.5, 500))
                .hasMessage("--server-capacity must be > 0 requests/s, got -2.5");
        assertThatThrownBy(() -> new ReportSettings(Double.NaN, 500))
                .hasMessage("--server-capacity must be > 0 requests/s, got NaN");
        assertThatThrownBy(() -> new ReportSettings(Double.POSITIVE_INFINITY, 500))
                .hasMessage("--server-capacity must be > 0 requests/s, got Infinity");
    }

    @Test
    void rejectsAnObjectiveThatIsNotAPositiveNumberNamingTheOption() {
        assertThatThrownBy(() -> new ReportSettings(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--slo-ms must be > 0 ms, got 0");
        assertThatThrownBy(() -> new ReportSettings(10, -0.5))
                .hasMessage("--slo-ms must be > 0 ms, got -0.5");
        assertThatThrownBy(() -> new ReportSettings(10, Double.NaN))
                .hasMessage("--slo-ms must be > 0 ms, got NaN");
    }
}
