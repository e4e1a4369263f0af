package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.Json;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CompletionRecordsTest {

    @Test
    void keyIsTheIdAsEightBytesBigEndian() {
        assertThat(CompletionRecords.key(0x0102030405060708L)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ByteBuffer.wrap(CompletionRecords.key(-2)).getLong()).isEqualTo(-2);
    }

    @Test
    void partitionIsTheIdModuloPartitionsNeverNegative() {
        assertThat(CompletionRecords.partition(7, 3)).isEqualTo(1);
        assertThat(CompletionRecords.partition(-1, 3)).isEqualTo(2);
        assertThat(CompletionRecords.partition(Long.MAX_VALUE, 3)).isEqualTo(1);
    }

    @Test
    void recordCarriesTheCompletionAsJson() {
        CompletionRecords records = new CompletionRecords("chat.completions", 4);
        Completion completion = new Completion(10, 1_234, 1, 3, 12.5, 62.5, true);

        ProducerRecord<byte[], byte[]> record = records.toRecord(completion);

        assertThat(record.topic()).isEqualTo("chat.completions");
        assertThat(record.partition()).isEqualTo(2);
        assertThat(Json.fromBytes(record.value(), Completion.class)).isEqualTo(completion);
    }
}
