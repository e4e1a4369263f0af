package io.autoscale.chat.metrics;

import static io.autoscale.chat.metrics.TestRecords.completion;
import static io.autoscale.chat.metrics.TestRecords.decision;
import static io.autoscale.chat.metrics.TestRecords.served;
import static io.autoscale.chat.metrics.TestRecords.starting;
import static io.autoscale.chat.metrics.TestRecords.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final ReportBuilder builder = new ReportBuilder("users", TestRecords.SETTINGS);

    @Test
    void averagesWeighEachWindowByItsLengthNotByItsRequests() {
        builder.onDecision(steady(0, 1000, 90, 900, 3));
        builder.onDecision(steady(1000, 2000, 10, 10, 1));
        builder.onDecision(steady(2000, 3000, 10, 10, 1));
        builder.onDecision(steady(3000, 4000, 10, 10, 1));

        Report report = builder.build(0);

        double requestWeightedServers = (900.0 * 3 + 30 * 1) / 930;
        assertThat(requestWeightedServers).isGreaterThan(2.9);
        assertThat(report.averageServers()).isEqualTo(1.5);
        assertThat(report.averageLoad()).isEqualTo(30.0);
        assertThat(report.windows()).isEqualTo(4);
    }

    @Test
    void averagesOverTimeWeighTimeAndAveragesOverRequestsWeighRequests() {
        builder.onDecision(steady(0, 1000, 90, 90, 3));
        builder.onDecision(steady(1000, 4000, 1, 3, 1));
        for (int id = 0; id < 9; id++) {
            builder.onCompletion(served(id, id % 3, 100 * id, 10));
        }
        builder.onCompletion(served(9, 0, 2000, 600));

        Report report = builder.build(0);

        double serversPerRequest = (90.0 * 3 + 3 * 1) / 93;
        double serversPerWindow = (3 + 1) / 2.0;
        assertThat(serversPerRequest).isGreaterThan(2.9);
        assertThat(serversPerWindow).isEqualTo(2.0);
        assertThat(report.averageServers()).isEqualTo(1.5);
        assertThat(report.averageProvisioned()).isEqualTo(1.5);
        // 90 req/s need 9 servers for 1 s out of 4; 1 req/s is served by the 1 server for 3 s.
        assertThat(report.underProvisioningTimeshare()).isEqualTo(25.0);

        double meanPerWindow = (10 + 600) / 2.0;
        assertThat(meanPerWindow).isEqualTo(305.0);
        assertThat(report.averageResponseTimeMs()).isEqualTo(69.0);
        // One request of ten misses the objective, though one window of two holds it.
        assertThat(report.sloViolationPercent()).isEqualTo(10.0);
    }

    @Test
    void aStartingServerCostsBeforeItServes() {
        builder.onDecision(starting(0, 1000, 8, 1, 1, 4));
        builder.onDecision(starting(1000, 2000, 35, 1, 4, 4));
        builder.onDecision(starting(2000, 3000, 40, 4, 4, 4));
        builder.onDecision(starting(3000, 4000, 5, 4, 4, 4));

        Report report = builder.build(0);

        assertThat(report.serverSeconds()).isEqualTo(13.0);
        assertThat(report.serverHours()).isEqualTo(13.0 / 3600);
        assertThat(report.averageProvisioned()).isEqualTo(3.25);
        assertThat(report.averageServers()).isEqualTo(2.5);
        assertThat(report.peakDemand()).isEqualTo(4);
        assertThat(report.scalingActions()).isEqualTo(1);
        // Demand 1, 4, 4, 1 against supply 1, 1, 4, 4: short by 3/4 for 1 s, over by 3/1 for 1 s.
        assertThat(report.underProvisioningAccuracy()).isEqualTo(18.75);
        assertThat(report.overProvisioningAccuracy()).isEqualTo(75.0);
        assertThat(report.underProvisioningTimeshare()).isEqualTo(25.0);
        assertThat(report.overProvisioningTimeshare()).isEqualTo(25.0);
    }

    @Test
    void serversTakenOutCostUntilTheirBacklogDrainsWhateverTheArrivalOrder() {
        List<ScalingDecision> decisions = List.of(
                steady(0, 1000, 25, 25, 3),
                decision(1000, 2000, 12, 12, 3, 1),
                steady(2000, 3000, 4, 4, 1));
        List<Completion> completions = List.of(
                served(0, 1, 400, 1700),
                served(1, 2, 1500, 900),
                served(2, 1, 1800, 100),
                served(3, 2, 1900, 300),
                served(4, 0, 2500, 5000));
        List<Record> decisionsFirst = new ArrayList<>(decisions);
        decisionsFirst.addAll(completions);
        List<Record> completionsFirst = new ArrayList<>(completions);
        completionsFirst.addAll(decisions);
        List<Record> interleaved = List.of(completions.get(3), decisions.get(0), completions.get(0), decisions.get(1),
                completions.get(4), decisions.get(2), completions.get(1), completions.get(2));

        // 3 + 3 + 1 servers paid for 1 s each; servers 1 and 2, out at 2 s, drain until 2.1 s and 2.4 s.
        assertThat(serverSecondsAfter(decisionsFirst)).isEqualTo(7.5);
        assertThat(serverSecondsAfter(completionsFirst)).isEqualTo(7.5);
        assertThat(serverSecondsAfter(interleaved)).isEqualTo(7.5);
    }

    @Test
    void aScaleDownPastTheEndOfTheRunAddsNoDrain() {
        builder.onRunEnded(new RunEnded(1, 2000));
        builder.onDecision(steady(0, 1000, 20, 20, 2));
        builder.onDecision(decision(1000, 2000, 0, 0, 2, 1));
        builder.onDecision(steady(2000, 3000, 0, 0, 1));
        builder.onCompletion(served(0, 1, 900, 5000));

        assertThat(builder.build(0).serverSeconds()).isEqualTo(4.0);
    }

    @Test
    void aLongerWindowWeighsMore() {
        builder.onDecision(steady(0, 3000, 40, 5, 4));
        builder.onDecision(steady(3000, 4000, 0, 500, 0));

        Report report = builder.build(0);

        assertThat(report.averageServers()).isEqualTo(3.0);
        assertThat(report.averageLoad()).isEqualTo(30.0);
    }

    @Test
    void peaksCoverLoadAndTheServersAWindowDecided() {
        builder.onDecision(steady(0, 1000, 12, 1, 2));
        builder.onDecision(decision(1000, 2000, 48.5, 1, 2, 5));
        builder.onDecision(decision(2000, 3000, 20, 1, 5, 4));

        Report report = builder.build(0);

        assertThat(report.peakLoad()).isEqualTo(48.5);
        assertThat(report.peakServers()).isEqualTo(5);
    }

    @Test
    void scalingEventsListEveryChangeWithItsTimeInSeconds() {
        builder.onDecision(steady(10_000, 11_000, 12, 1, 2));
        builder.onDecision(decision(11_000, 12_000, 35, 1, 2, 3));
        builder.onDecision(decision(12_000, 12_500, 8, 1, 3, 2));

        Report report = builder.build(0);

        assertThat(report.scalingEvents()).containsExactly(
                new ScalingEvent(ScalingAction.SCALE_UP, 2, 3, 35, 12.0),
                new ScalingEvent(ScalingAction.SCALE_DOWN, 3, 2, 8, 12.5));
    }

    @Test
    void lateRequestsAreSummedOverDecisionsAndLateCompletionsCountedApart() {
        builder.onDecision(new ScalingDecision(0, 1000, 1, 1, 1, 1, 1, ScalingAction.NONE, "", 3));
        builder.onDecision(new ScalingDecision(1000, 2000, 1, 1, 1, 1, 1, ScalingAction.NONE, "", 4));
        builder.onCompletion(new Completion(1, 10, 0, 1, 0, 5, true));
        builder.onCompletion(new Completion(2, 10, 0, 1, 0, 5, false));

        Report report = builder.build(0);

        assertThat(report.lateRequests()).isEqualTo(7);
        assertThat(report.lateCompletions()).isEqualTo(1);
    }

    @Test
    void percentilesOfOneToThousandMillisecondsAreExactNearestRanks() {
        for (int ms = 1; ms <= 1000; ms++) {
            builder.onCompletion(completion(ms, ms));
        }

        Report report = builder.build(0);

        assertThat(report.p50ResponseTimeMs()).isEqualTo(500.0);
        assertThat(report.p95ResponseTimeMs()).isEqualTo(950.0);
        assertThat(report.p99ResponseTimeMs()).isEqualTo(990.0);
        assertThat(report.p999ResponseTimeMs()).isEqualTo(999.0);
        assertThat(report.averageResponseTimeMs()).isEqualTo(500.5);
        assertThat(report.maxResponseTimeMs()).isEqualTo(1000.0);
    }

    @Test
    void percentileIsTheSmallestValueCoveringThePercentage() {
        builder.onCompletion(completion(1, 10));
        builder.onCompletion(completion(2, 20));
        builder.onCompletion(completion(3, 30));
        builder.onCompletion(completion(4, 40));

        Report report = builder.build(0);

        assertThat(report.p50ResponseTimeMs()).isEqualTo(20.0);
        assertThat(report.p95ResponseTimeMs()).isEqualTo(40.0);
    }

    @Test
    void sloViolationsCountExactResponseTimesAboveTheObjective() {
        ReportBuilder strict = new ReportBuilder("users", new ReportSettings(10, 500));
        strict.onCompletion(completion(0, 499.99));
        strict.onCompletion(completion(1, 500));
        strict.onCompletion(completion(2, 500.001));
        strict.onCompletion(completion(3, 2000));

        Report report = strict.build(0);

        assertThat(report.sloMs()).isEqualTo(500.0);
        assertThat(report.sloViolations()).isEqualTo(2);
        assertThat(report.sloViolationPercent()).isEqualTo(50.0);
    }

    @Test
    void throughputIsPerSimulatedSecondAndPerWallSecond() {
        for (int id = 0; id < 300; id++) {
            builder.onCompletion(completion(id, 1));
        }
        builder.onRunEnded(new RunEnded(300, 30_000));

        Report report = builder.build(2.0);

        assertThat(report.durationSeconds()).isEqualTo(30.0);
        assertThat(report.throughputPerSecond()).isEqualTo(10.0);
        assertThat(report.wallSeconds()).isEqualTo(2.0);
        assertThat(report.wallThroughputPerSecond()).isEqualTo(150.0);
        assertThat(report.withoutWallClock().wallSeconds()).isZero();
        assertThat(report.withoutWallClock().wallThroughputPerSecond()).isZero();
        assertThat(report.withoutWallClock().throughputPerSecond()).isEqualTo(10.0);
    }

    @Test
    void anEmptyRunReportsZerosAndNoNaN() throws Exception {
        Report report = builder.build(0);

        for (RecordComponent component : Report.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(report);
            boolean setting = component.getName().equals("sloMs");
            if (value instanceof Number number && !setting) {
                assertThat(number.doubleValue()).as(component.getName()).isZero();
            }
        }
        assertThat(report.scalingEvents()).isEmpty();
        assertThat(report.loadUnit()).isEqualTo("users");
        assertThat(report.sloMs()).isEqualTo(ReportSettings.DEFAULT_SLO_MS);
    }

    @Test
    void aRunEndedAtTimeZeroWithNoRequestsIsCompleteAtOnce() {
        builder.onRunEnded(new RunEnded(0, 0));

        assertThat(builder.isComplete()).isTrue();
        assertThat(builder.build(0).throughputPerSecond()).isZero();
    }

    @Test
    void isNotCompleteBeforeTheRunEnds() {
        builder.onCompletion(completion(0, 1));
        builder.onDecision(steady(0, 1000, 1, 1, 1));

        assertThat(builder.isComplete()).isFalse();
    }

    @Test
    void isNotCompleteWhileARequestIsUnaccountedFor() {
        builder.onRunEnded(new RunEnded(2, 1000));
        builder.onDecision(steady(0, 1000, 1, 2, 1));
        builder.onCompletion(completion(0, 1));

        assertThat(builder.isComplete()).isFalse();

        builder.onCompletion(completion(1, 1));

        assertThat(builder.isComplete()).isTrue();
    }

    @Test
    void isNotCompleteUntilAWindowEndingAtOrAfterTheEndIsDecided() {
        builder.onRunEnded(new RunEnded(1, 2500));
        builder.onCompletion(completion(0, 1));
        builder.onDecision(steady(0, 1000, 1, 1, 1));
        builder.onDecision(steady(1000, 2000, 1, 0, 1));

        assertThat(builder.isComplete()).isFalse();

        builder.onDecision(steady(2000, 3000, 1, 0, 1));

        assertThat(builder.isComplete()).isTrue();
    }

    @Test
    void theEndMarkerMayArriveLast() {
        builder.onCompletion(completion(0, 1));
        builder.onDecision(steady(0, 1000, 1, 1, 1));

        builder.onRunEnded(new RunEnded(1, 1000));

        assertThat(builder.isComplete()).isTrue();
        assertThat(builder.build(0).requestsProduced()).isEqualTo(1);
    }

    @Test
    void aDuplicateCompletionIsIgnoredSoTheCountNeverExceedsTheRequestsProduced() {
        builder.onRunEnded(new RunEnded(2, 1000));
        builder.onDecision(steady(0, 1000, 1, 2, 1));

        assertThat(builder.onCompletion(completion(0, 10))).isTrue();
        assertThat(builder.onCompletion(completion(0, 10))).isFalse();

        assertThat(builder.isComplete()).isFalse();
        Report report = builder.build(0);
        assertThat(report.totalRequests()).isEqualTo(1);
        assertThat(report.duplicateCompletions()).isEqualTo(1);
    }

    @Test
    void aRedeliveredDecisionIsIgnored() {
        assertThat(builder.onDecision(decision(0, 1000, 40, 10, 1, 2))).isTrue();
        assertThat(builder.onDecision(decision(0, 1000, 40, 10, 1, 2))).isFalse();

        Report report = builder.build(0);

        assertThat(report.windows()).isEqualTo(1);
        assertThat(report.scalingEvents()).hasSize(1);
        assertThat(builder.requestsDecided()).isEqualTo(10);
    }

    @Test
    void aWindowStartingAtOrAfterTheEndIsNotCounted() {
        builder.onRunEnded(new RunEnded(0, 1000));
        builder.onDecision(steady(0, 1000, 10, 0, 2));

        assertThat(builder.onDecision(decision(1000, 2000, 99, 0, 2, 9))).isTrue();

        Report report = builder.build(0);
        assertThat(report.windows()).isEqualTo(1);
        assertThat(report.peakLoad()).isEqualTo(10);
        assertThat(report.scalingEvents()).isEmpty();
    }

    @Test
    void aSecondEndMarkerIsIgnored() {
        builder.onRunEnded(new RunEnded(5, 1000));
        builder.onRunEnded(new RunEnded(9, 9000));

        assertThat(builder.build(0).requestsProduced()).isEqualTo(5);
    }

    @Test
    void deadLettersAreCounted() {
        builder.onDeadLetter();
        builder.onDeadLetter();

        assertThat(builder.build(0).deadLetters()).isEqualTo(2);
    }

    @Test
    void anImpossibleCompletionIsRejectedAndNothingIsCounted() {
        assertThatThrownBy(() -> builder.onCompletion(completion(7, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responseTimeMs must be a finite number of ms at least 0, got -1.0");
        assertThatThrownBy(() -> builder.onCompletion(completion(-3, 1)))
                .hasMessage("request id must be at least 0, got -3");
        assertThatThrownBy(() -> builder.onCompletion(served(8, -1, 0, 1)))
                .hasMessage("server must be at least 0, got -1");

        assertThat(builder.onCompletion(completion(7, 1))).isTrue();
        assertThat(builder.build(0).totalRequests()).isEqualTo(1);
    }

    @Test
    void rejectsABlankLoadUnit() {
        assertThatThrownBy(() -> new ReportBuilder(" ", TestRecords.SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("load unit must be a word such as 'users' or 'req/s', got ' '");
    }

    private static double serverSecondsAfter(List<Record> records) {
        ReportBuilder fresh = new ReportBuilder("users", TestRecords.SETTINGS);
        for (Record record : records) {
            if (record instanceof ScalingDecision decision) {
                fresh.onDecision(decision);
            } else {
                fresh.onCompletion((Completion) record);
            }
        }
        return fresh.build(0).serverSeconds();
    }
}
