package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import org.junit.jupiter.api.Test;

class DecisionTimelineTest {

    private final DecisionTimeline timeline = new DecisionTimeline();

    @Test
    void findsTheDecisionWhoseWindowHoldsTheTime() {
        for (int window = 0; window < 10; window++) {
            timeline.add(decision(window * 1_000L, (window + 1) * 1_000L, window + 1));
        }

        assertThat(timeline.serversAt(0)).isEqualTo(1);
        assertThat(timeline.serversAt(999)).isEqualTo(1);
        assertThat(timeline.serversAt(1_000)).isEqualTo(2);
        assertThat(timeline.serversAt(9_999)).isEqualTo(10);
        assertThat(timeline.serversAt(4_500)).isEqualTo(5);
        assertThat(timeline.serversAt(3_200)).isEqualTo(4);
        assertThat(timeline.decidedUntilMs()).isEqualTo(10_000);
    }

    @Test
    void aTimeBeforeEveryDecisionGetsTheEarliest() {
        timeline.add(decision(1_000, 2_000, 3));

        assertThat(timeline.serversAt(-500)).isEqualTo(3);
    }

    @Test
    void aGapIsCoveredByThePreviousDecision() {
        timeline.add(decision(0, 1_000, 1));
        timeline.add(decision(2_000, 3_000, 4));

        assertThat(timeline.serversAt(1_500)).isEqualTo(1);
    }

    @Test
    void keepsEveryDecisionSoThatOldRequestsRouteAsBefore() {
        for (int window = 0; window < 3_000; window++) {
            timeline.add(decision(window * 1_000L, (window + 1) * 1_000L, 1 + window % 5));
        }

        assertThat(timeline.size()).isEqualTo(3_000);
        assertThat(timeline.serversAt(2_999_999)).isEqualTo(5);
        assertThat(timeline.serversAt(10)).isEqualTo(1);
        assertThat(timeline.serversAt(2_498_000)).isEqualTo(4);
    }

    @Test
    void coversOnlyTimesBeforeTheEndOfTheLastWindow() {
        assertThat(timeline.covers(0)).isFalse();

        timeline.add(decision(0, 1_000, 1));

        assertThat(timeline.covers(999)).isTrue();
        assertThat(timeline.covers(1_000)).isFalse();
    }

    @Test
    void ignoresAWindowAlreadyKnown() {
        assertThat(timeline.add(decision(0, 1_000, 1))).isTrue();
        assertThat(timeline.add(decision(0, 1_000, 9))).isFalse();
        assertThat(timeline.size()).isEqualTo(1);
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
