package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.MalformedRecordException;
import io.autoscale.chat.model.Watermark;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RoutedRecordsTest {

    private final RoutedRecords records = new RoutedRecords("chat.routed", 4);

    @Test
    void aRequestGoesToThePartitionOfItsServerAndReadsBackEqual() {
        RoutedRequest request = new RoutedRequest(123_456_789_012L, 3_600_000, 6, 9, 2, 77);

        ProducerRecord<byte[], byte[]> record = records.request(request);

        assertThat(record.partition()).isEqualTo(2);
        assertThat(record.key()).containsExactly(0, 0, 0, 6);
        assertThat(record.value()).hasSize(RoutedRecords.REQUEST_BYTES);
        assertThat(RoutedRecords.parse(record.value())).isEqualTo(request);
    }

    @Test
    void aWatermarkKeepsItsSourcePartition() {
        Watermark watermark = new Watermark(5_000, 3, 6);

        ProducerRecord<byte[], byte[]> record = records.watermark(watermark, 1);

        assertThat(record.partition()).isEqualTo(1);
        assertThat(RoutedRecords.parse(record.value())).isEqualTo(watermark);
    }

    @Test
    void rejectsBytesThatAreNeither() {
        assertThatThrownBy(() -> RoutedRecords.parse(new byte[] {9, 1, 2}))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("routed record of type 9 and 3 bytes is neither a request (37 bytes) nor a watermark "
                        + "(17 bytes)");
    }
}
