package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValueCheckTest {

    @Test
    void acceptsValuesThatConvertToTheOptionsType() {
        assertThat(ValueCheck.problem(int.class, "12")).isNull();
        assertThat(ValueCheck.problem(short.class, "3")).isNull();
        assertThat(ValueCheck.problem(Double.class, "0.5")).isNull();
        assertThat(ValueCheck.problem(boolean.class, "TRUE")).isNull();
        assertThat(ValueCheck.problem(LoadMeasureOption.class, "Requests")).isNull();
        assertThat(ValueCheck.problem(Path.class, "anything")).isNull();
    }

    @Test
    void namesWhatIsWrongWithAValueThatDoesNot() {
        assertThat(ValueCheck.problem(int.class, "1.5")).isEqualTo("'1.5' is not a whole number (int)");
        assertThat(ValueCheck.problem(short.class, "70000")).isEqualTo("'70000' is not a whole number (short)");
        assertThat(ValueCheck.problem(double.class, "fast")).isEqualTo("'fast' is not a number");
        assertThat(ValueCheck.problem(boolean.class, "yes")).isEqualTo("'yes' is not true or false");
        assertThat(ValueCheck.problem(PolicyKind.class, "pid"))
                .isEqualTo("'pid' is not one of [threshold, target, step, predictive]");
    }
}
