package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import org.junit.jupiter.api.Test;

class DecisionTimelineTest {

    private final DecisionTimeline timeline = new DecisionTimeline(2);

    @Test
    void findsTheDecisionWhoseWindowHoldsTheTime() {
        for (int window = 0; window < 10; window++) {
            timeline.add(decision(window * 1_000L, (window + 1) * 1_000L, window + 1));
        }

        assertThat(timeline.covering(0).serversBefore()).isEqualTo(1);
        assertThat(timeline.covering(999).serversBefore()).isEqualTo(1);
        assertThat(timeline.covering(1_000).serversBefore()).isEqualTo(2);
        assertThat(timeline.covering(9_999).serversBefore()).isEqualTo(10);
        assertThat(timeline.covering(4_500).serversBefore()).isEqualTo(5);
        assertThat(timeline.covering(3_200).serversBefore()).isEqualTo(4);
        assertThat(timeline.decidedUntilMs()).isEqualTo(10_000);
    }

    @Test
    void aTimeBeforeEveryDecisionGetsTheEarliest() {
        timeline.add(decision(1_000, 2_000, 3));

        assertThat(timeline.covering(-500).serversBefore()).isEqualTo(3);
    }

    @Test
    void aGapIsCoveredByThePreviousDecision() {
        timeline.add(decision(0, 1_000, 1));
        timeline.add(decision(2_000, 3_000, 4));

        assertThat(timeline.covering(1_500).serversBefore()).isEqualTo(1);
    }

    @Test
    void pruneKeepsTheConfiguredNumberBehindTheServedTime() {
        for (int window = 0; window < 3_000; window++) {
            timeline.add(decision(window * 1_000L, (window + 1) * 1_000L, 1 + window % 5));
        }

        timeline.prune(2_500_000);

        assertThat(timeline.retained()).isEqualTo(2 + 500);
        assertThat(timeline.covering(2_498_000).windowStartMs()).isEqualTo(2_498_000);
        assertThat(timeline.covering(10).windowStartMs()).isEqualTo(2_498_000);
        assertThat(timeline.covering(2_999_999).windowStartMs()).isEqualTo(2_999_000);
    }

    @Test
    void ignoresAWindowAlreadyKnown() {
        assertThat(timeline.add(decision(0, 1_000, 1))).isTrue();
        assertThat(timeline.add(decision(0, 1_000, 9))).isFalse();
        assertThat(timeline.retained()).isEqualTo(1);
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> timeline.add(decision(1_000, 1_000, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decision window must end after it starts, got [1000, 1000)");
    }

    private static ScalingDecision decision(long startMs, long endMs, int servers) {
        return new ScalingDecision(startMs, endMs, 0, 0, 0, servers, servers, ScalingAction.NONE, "test", 0);
    }
}
