package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.autoscaler.policy.Step.Adjustment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StepTest {

    @Test
    void readsStepsOfEveryKind() {
        assertThat(Step.parseList("--step-up", "0:+1, 10:+2 ,25:+50%,40.5:=30")).containsExactly(
                new Step(0, Adjustment.change(1)),
                new Step(10, Adjustment.change(2)),
                new Step(25, Adjustment.percent(50)),
                new Step(40.5, Adjustment.exact(30)));
        assertThat(Step.parseList("--step-down", "0:-1,5:=2,7:-12.5%")).containsExactly(
                new Step(0, Adjustment.change(-1)),
                new Step(5, Adjustment.exact(2)),
                new Step(7, Adjustment.percent(-12.5)));
    }

    @Test
    void printsAsItReads() {
        String text = "0:+1,10:+2,25:+50%,40.5:=30,50:-12.5%,60:-3";

        assertThat(Step.parseList("--step-up", text)).extracting(Step::toString)
                .containsExactly(text.split(","));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"+0", "-0", "+0%", "-0%"})
    void anAdjustmentThatChangesNothingIsRefused(String adjustment) {
        assertThatThrownBy(() -> Adjustment.parse(adjustment)).hasMessageContaining("must change something");
    }

    @ParameterizedTest(name = "{0} on {1} servers: {2}")
    @CsvSource({
        "+2, 4, 6",
        "-1, 4, 3",
        "-1, 0, 0",
        "-5, 3, 0",
        "+50%, 4, 6",
        "+50%, 5, 7",
        "+50%, 1, 2",
        "+10%, 3, 4",
        "+200%, 3, 9",
        "-25%, 4, 3",
        "-25%, 10, 8",
        "-25%, 2, 1",
        "-100%, 3, 0",
        "-25%, 0, 0",
        "=6, 2, 6",
        "=6, 9, 6",
        "=0, 9, 0"})
    void adjustsTheServers(String adjustment, int servers, int after) {
        assertThat(Adjustment.parse(adjustment).applyTo(servers)).isEqualTo(after);
    }

    @ParameterizedTest(name = "breach {0}: step {1}")
    @CsvSource({"0, 0:+1", "9.99, 0:+1", "10, 10:+2", "24.9, 10:+2", "25, 25:+50%", "1000, 25:+50%"})
    void breachPicksTheStepWithTheLargestLowerBoundAtOrBelowIt(double breach, String step) {
        List<Step> steps = Step.parseList("--step-up", "0:+1,10:+2,25:+50%");

        assertThat(Step.at(steps, breach)).hasToString(step);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "0+1 | --step-up: bad step '0+1': expected <lower bound>:<adjustment>, such as 10:+2",
        "x:+1 | --step-up: bad step 'x:+1': the lower bound must be a number >= 0",
        "-1:+1 | --step-up: bad step '-1:+1': the lower bound must be a number >= 0",
        "0:1 | --step-up: bad step '0:1': the adjustment must be +N or -N servers, +P% or -P%, or =N",
        "0:+ | --step-up: bad step '0:+': the adjustment must be +N or -N servers, +P% or -P%, or =N",
        "0:=2% | --step-up: bad step '0:=2%': the adjustment must be +N or -N servers, +P% or -P%, or =N",
        "0:+1.5 | --step-up: bad step '0:+1.5': an adjustment in servers must be whole, got 1.5",
        "0:-150% | --step-up: bad step '0:-150%': a percent adjustment cannot remove more than 100%, got -150.0",
        "5:+1 | --step-up: the first step must start at 0, got 5:+1",
        "0:+1,10:+2,5:+3 | --step-up: lower bounds must ascend, got 10:+2 before 5:+3",
        "0:+1,0:+2 | --step-up: lower bounds must ascend, got 0:+1 before 0:+2",
        "0:+1, | --step-up: bad step '': expected <lower bound>:<adjustment>, such as 10:+2"})
    void badTextNamesTheOptionAndThePiece(String text, String message) {
        assertThatThrownBy(() -> Step.parseList("--step-up", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void emptyListIsRejected() {
        assertThatThrownBy(() -> Step.checkList("--step-down", List.of()))
                .hasMessage("--step-down needs at least one step, such as 0:+1");
    }
}
