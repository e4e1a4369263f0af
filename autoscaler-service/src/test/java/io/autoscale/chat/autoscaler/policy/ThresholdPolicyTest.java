package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdPolicyTest {

    private final ThresholdPolicy policy = ThresholdPolicy.of(30, 10, 1);

    @Test
    void comparesLoadPerServerWithTheThresholds() {
        assertThat(policy.recommend(80, 2)).isEqualTo(new Recommendation(3, "load per server 40.0 > 30"));
        assertThat(policy.recommend(25, 3)).isEqualTo(new Recommendation(2, "load per server 8.3 < 10"));
        assertThat(policy.recommend(50, 2).servers()).isEqualTo(2);
    }

    @Test
    void zeroServersNeverDivideByZero() {
        assertThat(policy.recommend(0, 0)).isEqualTo(new Recommendation(0, "no server in force"));
        assertThat(policy.recommend(5, 0)).isEqualTo(new Recommendation(1, "no server in force"));
    }

    @Test
    void upThresholdMustExceedDownThreshold() {
        assertThatThrownBy(() -> ThresholdPolicy.of(10, 10, 1))
                .hasMessage("--scale-up-threshold (10.0) must be greater than --scale-down-threshold (10.0)");
        assertThatThrownBy(() -> ThresholdPolicy.of(30, -1, 1))
                .hasMessage("--scale-down-threshold must be >= 0 load per server, got -1.0");
        assertThatThrownBy(() -> ThresholdPolicy.of(30, 10, 0))
                .hasMessage("--scale-step must be at least 1 server, got 0");
    }
}
