package io.autoscale.chat.metrics;

import static io.autoscale.chat.metrics.TestRecords.steady;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainTailsTest {

    private final DrainTails tails = new DrainTails();

    private void decide(long startMs, int serving) {
        tails.onDecision(steady(startMs, startMs + 1000, 0, 0, serving), true);
    }

    private void serve(int server, long timeMs, double responseTimeMs) {
        tails.onCompletion(server, timeMs, timeMs + responseTimeMs);
    }

    @Test
    void aServerTakenOutCostsUntilItsLastRequestFinishes() {
        decide(0, 2);
        decide(1000, 1);
        serve(1, 200, 1500);
        serve(1, 900, 400);
        serve(0, 1500, 9000);

        assertThat(tails.tailMs()).isEqualTo(700.0);
    }

    @Test
    void completionsBeforeTheirDecisionsWaitAndCountTheSame() {
        serve(1, 200, 1500);
        serve(1, 900, 400);
        serve(0, 2500, 9000);

        assertThat(tails.waitingCompletions()).isEqualTo(3);

        decide(0, 2);
        decide(1000, 1);

        assertThat(tails.tailMs()).isEqualTo(700.0);
        assertThat(tails.waitingCompletions()).isEqualTo(1);

        decide(2000, 1);

        assertThat(tails.waitingCompletions()).isZero();
        assertThat(tails.tailMs()).isEqualTo(700.0);
    }

    @Test
    void aServerThatDrainedBeforeItWasTakenOutCostsNothingMore() {
        decide(0, 3);
        serve(2, 100, 300);
        decide(1000, 1);

        assertThat(tails.tailMs()).isZero();
    }

    @Test
    void aServerAddedAgainDrainsOnlyWhatItReceivedSinceThen() {
        decide(0, 2);
        serve(1, 500, 3000);
        decide(1000, 1);
        decide(2000, 2);
        serve(1, 2500, 600);
        decide(3000, 1);

        // First spell: out at 1 s, last finish 3.5 s. Second spell: out at 3 s, last finish 3.1 s,
        // not 3.5 s: the request stamped 0.5 s belongs to the first spell.
        assertThat(tails.tailMs()).isEqualTo(2500.0 + 100.0);
    }

    @Test
    void aScaleDownInAWindowThatDoesNotCountAddsNothing() {
        decide(0, 2);
        tails.onDecision(steady(1000, 2000, 0, 0, 1), false);
        serve(1, 500, 5000);

        assertThat(tails.tailMs()).isZero();
    }

    @Test
    void aRequestOnAServerThatWasNotServingIsIgnored() {
        decide(0, 2);
        decide(1000, 1);
        serve(1, 1500, 5000);
        serve(7, 1500, 5000);
        decide(2000, 1);

        assertThat(tails.tailMs()).isZero();
    }

    @Test
    void aRequestStampedBeforeTheFirstDecisionBelongsToItsServers() {
        serve(1, -500, 2000);
        decide(0, 2);
        decide(1000, 1);

        assertThat(tails.tailMs()).isEqualTo(500.0);
    }
}
