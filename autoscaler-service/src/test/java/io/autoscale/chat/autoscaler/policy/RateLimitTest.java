package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.autoscaler.policy.RateLimit.Kind;
import io.autoscale.chat.autoscaler.policy.RateLimit.Select;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4/15s, SERVERS, 4, 15000, 4/15s",
        "100%/15s, PERCENT, 100, 15000, 100%/15s",
        "2/60, SERVERS, 2, 60000, 2/60s",
        "1/1m, SERVERS, 1, 60000, 1/60s",
        "12.5%/2m, PERCENT, 12.5, 120000, 12.5%/120s",
        "' 10% / 30s ', PERCENT, 10, 30000, 10%/30s",
        "3/0.5s, SERVERS, 3, 500, 3/0.5s"})
    void readsLimits(String text, Kind kind, double value, long periodMs, String printed) {
        RateLimit limit = RateLimit.parse("--scale-up-limit", text);

        assertThat(limit).isEqualTo(new RateLimit(kind, value, periodMs));
        assertThat(limit).hasToString(printed);
    }

    @Test
    void readsAList() {
        assertThat(RateLimit.parseList("--scale-up-limit", "4/15s,100%/15s"))
                .containsExactly(RateLimit.servers(4, 15_000), RateLimit.percent(100, 15_000));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"4", "", "0/15s", "-1/15s", "1.5/15s", "4/0s", "4/abc", "abc%/15s", "4/15h", "4/-15s",
        "%/15s", "4/"})
    void badTextNamesTheOptionAndTheText(String text) {
        assertThatThrownBy(() -> RateLimit.parse("--scale-down-limit", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--scale-down-limit: bad rate limit '" + text + "': ")
                .hasMessageEndingWith("(e.g. 4/15s or 100%/15s)");
    }

    @Test
    void badTextSaysWhatIsWrong() {
        assertThatThrownBy(() -> RateLimit.parse("--scale-up-limit", "1.5/15s"))
                .hasMessage("--scale-up-limit: bad rate limit '1.5/15s': a number of servers must be whole"
                        + " (e.g. 4/15s or 100%/15s)");
        assertThatThrownBy(() -> RateLimit.parse("--scale-up-limit", "4/0s"))
                .hasMessage("--scale-up-limit: bad rate limit '4/0s': the period must be a positive number of"
                        + " seconds, such as 15s or 1m (e.g. 4/15s or 100%/15s)");
        assertThatThrownBy(() -> RateLimit.parseList("--scale-up-limit", "4/15s,,100%/15s"))
                .hasMessageStartingWith("--scale-up-limit: bad rate limit '': ");
    }

    @ParameterizedTest(name = "{0} from {1}: up to {2}, down to {3}")
    @CsvSource({
        "4/15s, 10, 14, 6",
        "4/15s, 3, 7, 0",
        "100%/15s, 10, 20, 0",
        "10%/15s, 10, 11, 9",
        "10%/15s, 4, 5, 3",
        "50%/15s, 5, 8, 2",
        "150%/15s, 2, 5, 0"})
    void limitsCountFromTheServersAtTheStartOfThePeriod(String text, int periodStart, int up, int down) {
        RateLimit limit = RateLimit.parse("--scale-up-limit", text);

        assertThat(limit.upLimit(periodStart)).isEqualTo(up);
        assertThat(limit.downLimit(periodStart)).isEqualTo(down);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"max, MAX", "MIN, MIN", "Disabled, DISABLED", "' min ', MIN"})
    void selectReadsAnyCase(String text, Select select) {
        assertThat(Select.parse("--scale-up-select", text)).isEqualTo(select);
    }

    @Test
    void selectRejectsOtherWords() {
        assertThatThrownBy(() -> Select.parse("--scale-down-select", "most"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--scale-down-select must be max, min or disabled, got 'most'");
        assertThat(List.of(Select.values())).extracting(Select::toString).containsExactly("max", "min", "disabled");
    }

    @Test
    void constructorRejectsNonsense() {
        assertThatThrownBy(() -> RateLimit.servers(0, 15_000))
                .hasMessage("a rate limit must allow more than 0 per period, got 0.0");
        assertThatThrownBy(() -> RateLimit.percent(10, 0))
                .hasMessage("a rate limit's period must be at least 1 ms, got 0");
        assertThatThrownBy(() -> new RateLimit(Kind.SERVERS, 1.5, 1_000))
                .hasMessage("a rate limit in servers must be a whole number, got 1.5");
    }
}
