package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetTest {

    /** Five servers provisioned, two of them starting: one serves from 70 s, one from 80 s. */
    private final Fleet twoStarting = new Fleet(5, new long[] {70_000, 80_000});

    @Test
    void servingFleetHasNothingStarting() {
        Fleet fleet = Fleet.serving(3);

        assertThat(fleet.provisioned()).isEqualTo(3);
        assertThat(fleet.readyAtMs()).isEmpty();
        assertThat(fleet.servingAt(0)).isEqualTo(3);
    }

    @ParameterizedTest(name = "at {0} ms {1} serve")
    @CsvSource({"0, 3", "69999, 3", "70000, 4", "79999, 4", "80000, 5", "900000, 5"})
    void servingAtCountsOnlyServersWhoseReadyTimeHasPassed(long timeMs, int serving) {
        assertThat(twoStarting.servingAt(timeMs)).isEqualTo(serving);
    }

    @Test
    void settledAtForgetsServersThatAreServing() {
        assertThat(twoStarting.settledAt(75_000)).isEqualTo(new Fleet(5, new long[] {80_000}));
        assertThat(twoStarting.settledAt(80_000)).isEqualTo(Fleet.serving(5));
        assertThat(twoStarting.settledAt(10_000)).isSameAs(twoStarting);
    }

    @Test
    void growingOrdersServersThatServeFromTheirReadyTime() {
        Fleet grown = Fleet.serving(2).resizedTo(4, 10_000, 70_000);

        assertThat(grown).isEqualTo(new Fleet(4, new long[] {70_000, 70_000}));
        assertThat(grown.servingAt(69_999)).isEqualTo(2);
        assertThat(grown.servingAt(70_000)).isEqualTo(4);
    }

    @Test
    void growingWithoutStartupDelayAddsServingServers() {
        assertThat(Fleet.serving(2).resizedTo(4, 10_000, 10_000)).isEqualTo(Fleet.serving(4));
    }

    @Test
    void growingKeepsTheServersAlreadyStarting() {
        assertThat(twoStarting.resizedTo(6, 10_000, 90_000))
                .isEqualTo(new Fleet(6, new long[] {70_000, 80_000, 90_000}));
    }

    @ParameterizedTest(name = "down to {0}: {1} starting, {2} serving")
    @CsvSource({
        // target, starting left, serving now
        "4, 1, 3",
        "3, 0, 3",
        "2, 0, 2",
        "0, 0, 0"})
    void shrinkingCancelsStartingServersBeforeServingOnes(int target, int startingLeft, int servingNow) {
        Fleet shrunk = twoStarting.resizedTo(target, 10_000, 70_000);

        assertThat(shrunk.provisioned()).isEqualTo(target);
        assertThat(shrunk.readyAtMs()).hasSize(startingLeft);
        assertThat(shrunk.servingAt(10_000)).isEqualTo(servingNow);
    }

    @Test
    void shrinkingCancelsTheServerOrderedLastFirst() {
        assertThat(twoStarting.resizedTo(4, 10_000, 70_000).readyAtMs()).containsExactly(70_000);
    }

    @Test
    void shrinkingAfterAServerBecameReadyRemovesFromTheOnesStillStarting() {
        assertThat(twoStarting.resizedTo(4, 75_000, 135_000)).isEqualTo(Fleet.serving(4));
    }

    @Test
    void sameSizeKeepsTheFleet() {
        assertThat(twoStarting.resizedTo(5, 10_000, 70_000)).isEqualTo(twoStarting);
    }

    @Test
    void rejectsImpossibleFleets() {
        assertThatThrownBy(() -> new Fleet(1, new long[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a fleet of 1 servers cannot have 2 starting");
        assertThatThrownBy(() -> new Fleet(-1, null)).hasMessage("a fleet of -1 servers cannot have 0 starting");
        assertThatThrownBy(() -> twoStarting.resizedTo(-1, 0, 0)).hasMessage("a fleet cannot have -1 servers");
    }

    @Test
    void readyTimesCannotBeChangedFromOutside() {
        long[] readyAt = {70_000};
        Fleet fleet = new Fleet(2, readyAt);
        readyAt[0] = 0;
        fleet.readyAtMs()[0] = 0;

        assertThat(fleet.readyAtMs()).containsExactly(70_000);
    }

    @Test
    void equalByContent() {
        Fleet same = new Fleet(5, new long[] {70_000, 80_000});

        assertThat(same).isEqualTo(twoStarting).hasSameHashCodeAs(twoStarting);
        assertThat(new Fleet(5, new long[] {70_000})).isNotEqualTo(twoStarting);
        assertThat(twoStarting).hasToString("Fleet[provisioned=5, readyAtMs=[70000, 80000]]");
    }

    @Test
    void survivesTheStoreAsJson() {
        assertThat(Json.fromBytes(Json.toBytes(twoStarting), Fleet.class)).isEqualTo(twoStarting);
    }
}
