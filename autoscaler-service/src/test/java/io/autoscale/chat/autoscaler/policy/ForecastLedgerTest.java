package io.autoscale.chat.autoscaler.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastLedgerTest {

    @Test
    void returnsEachForecastInTheWindowItComesDue() {
        ForecastLedger ledger = new ForecastLedger();
        List<String> due = new ArrayList<>();
        for (long nowMs = 1_000; nowMs <= 200_000; nowMs += 1_000) {
            for (ForecastLedger.Due d = ledger.pollDue(nowMs); d != null; d = ledger.pollDue(nowMs)) {
                due.add(nowMs + ":" + d.dueMs() + ":" + (long) d.trend());
            }
            ledger.maybeRecord(nowMs, 1_000, 61_000, nowMs / 1_000.0, ForecastLedger.NO_FORECAST);
        }

        assertThat(due).hasSize(200 - 61).first().isEqualTo("62000:62000:1");
        assertThat(due).last().isEqualTo("200000:200000:139");
        assertThat(ledger.save().dueMs()).hasSize(61);
        assertThat(ledger.pollDue(200_000)).isNull();
    }

    @Test
    void aLongHorizonRecordsEveryFewWindowsSoTheRingNeverOverflows() {
        ForecastLedger ledger = new ForecastLedger();
        int checked = 0;
        int mostWaiting = 0;
        for (long nowMs = 1_000; nowMs <= 3_600_000; nowMs += 1_000) {
            for (ForecastLedger.Due d = ledger.pollDue(nowMs); d != null; d = ledger.pollDue(nowMs)) {
                assertThat(d.dueMs()).isEqualTo(nowMs);
                assertThat(d.hasSeasonal()).isTrue();
                checked++;
            }
            ledger.maybeRecord(nowMs, 1_000, 600_000, 1, 2);
            mostWaiting = Math.max(mostWaiting, ledger.save().dueMs().length);
        }

        // 600 s over 127 gaps: one forecast every 5 windows, 120 of them waiting at a time.
        assertThat(mostWaiting).isEqualTo(120);
        assertThat(checked).isEqualTo((3_600_000 - 600_000) / 5_000);
    }

    @Test
    void restoresWhatItSaved() {
        ForecastLedger ledger = new ForecastLedger();
        ledger.maybeRecord(1_000, 1_000, 2_000, 10, ForecastLedger.NO_FORECAST);
        ledger.maybeRecord(2_000, 1_000, 2_000, 20, 21);
        ForecastLedger restored = new ForecastLedger();

        restored.restore(ledger.save());

        assertThat(restored.pollDue(3_000)).isEqualTo(new ForecastLedger.Due(3_000, 10, -1));
        assertThat(restored.pollDue(3_000)).isNull();
        assertThat(restored.pollDue(4_000)).isEqualTo(new ForecastLedger.Due(4_000, 20, 21));
    }
}
