package io.autoscale.chat.metrics;

import static io.autoscale.chat.metrics.TestRecords.decision;
import static io.autoscale.chat.metrics.TestRecords.starting;
import static io.autoscale.chat.metrics.TestRecords.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProvisioningMeasuresTest {

    private final ProvisioningMeasures measures = new ProvisioningMeasures(10);

    @Test
    void demandIsTheFewestServersThatStayAtOrUnderCapacity() {
        assertThat(ProvisioningMeasures.demand(0, 1000, 10)).isEqualTo(1);
        assertThat(ProvisioningMeasures.demand(10, 1000, 10)).isEqualTo(1);
        assertThat(ProvisioningMeasures.demand(11, 1000, 10)).isEqualTo(2);
        assertThat(ProvisioningMeasures.demand(30, 500, 10)).isEqualTo(6);
        assertThat(ProvisioningMeasures.demand(30, 3000, 10)).isEqualTo(1);
    }

    @Test
    void anExactMultipleOfAFractionalCapacityAsksForNoExtraServer() {
        assertThat(21 / 1.0 / 0.7).isGreaterThan(30);

        assertThat(ProvisioningMeasures.demand(21, 1000, 0.7)).isEqualTo(30);
        assertThat(ProvisioningMeasures.demand(22, 1000, 0.7)).isEqualTo(32);
        assertThat(ProvisioningMeasures.demand(161, 1000, 0.35)).isEqualTo(460);
    }

    @Test
    void instabilityCountsStepsWhereSupplyAndDemandMoveDifferently() {
        int[] supply = {1, 2, 2, 1, 2, 2, 2, 1, 1};
        long[] requests = {10, 20, 21, 30, 0, 5, 11, 9, 10};
        for (int w = 0; w < supply.length; w++) {
            measures.add(steady(w * 1000L, w * 1000L + 1000, 0, requests[w], supply[w]));
        }

        // Demand 1 2 3 3 1 1 2 1 1: of 8 steps, 0->1 and 4->5 and 6->7 and 7->8 move alike,
        // 1->2 and 2->3 and 5->6 move one alone, 3->4 moves opposite ways.
        assertThat(measures.instability()).isEqualTo(50.0);
        // 4 supply changes and 5 demand changes in 9 s of event time.
        assertThat(measures.jitterPerHour()).isEqualTo(-400.0);
        assertThat(measures.peakDemand()).isEqualTo(3);
    }

    @Test
    void supplyFollowingDemandStepForStepIsStableAndJitterFree() {
        measures.add(steady(0, 1000, 0, 10, 1));
        measures.add(decision(1000, 2000, 0, 20, 2, 3));
        measures.add(steady(2000, 3000, 0, 30, 3));

        assertThat(measures.instability()).isZero();
        assertThat(measures.jitterPerHour()).isZero();
        assertThat(measures.underProvisioningTimeshare()).isZero();
        assertThat(measures.overProvisioningTimeshare()).isZero();
        assertThat(measures.scalingActions()).isEqualTo(1);
    }

    @Test
    void accuracyAndTimeshareWeighEachWindowByItsLength() {
        measures.add(steady(0, 3000, 0, 120, 2));
        measures.add(steady(3000, 4000, 0, 10, 2));

        // 40 req/s need 4 servers for 3 s (2 short: half), 10 req/s need 1 for 1 s (1 over: double).
        assertThat(measures.underProvisioningAccuracy()).isEqualTo(37.5);
        assertThat(measures.overProvisioningAccuracy()).isEqualTo(25.0);
        assertThat(measures.underProvisioningTimeshare()).isEqualTo(75.0);
        assertThat(measures.overProvisioningTimeshare()).isEqualTo(25.0);
    }

    @Test
    void costCountsProvisionedServersAndSupplyOnlyServingOnes() {
        measures.add(starting(0, 1000, 25, 1, 3, 3));
        measures.add(starting(1000, 3000, 50, 3, 3, 3));

        assertThat(measures.provisionedServerMs()).isEqualTo(9000);
        assertThat(measures.averageProvisioned()).isEqualTo(3.0);
        // The first second serves 25 req/s on 1 server though 3 are paid for.
        assertThat(measures.underProvisioningAccuracy()).isCloseTo(200.0 / 9, within(1e-9));
        assertThat(measures.underProvisioningTimeshare()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void noWindowGivesZerosRatherThanNaN() {
        assertThat(measures.instability()).isZero();
        assertThat(measures.jitterPerHour()).isZero();
        assertThat(measures.averageProvisioned()).isZero();
        assertThat(measures.underProvisioningAccuracy()).isZero();
        assertThat(measures.peakDemand()).isZero();
    }
}
