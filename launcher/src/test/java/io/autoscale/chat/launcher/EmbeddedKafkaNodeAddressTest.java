package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaNodeAddressTest {

    @Test
    void namesTheBootstrapServerAndTheVoterOnTheLoopbackAddress() {
        EmbeddedKafkaNodeAddress address = new EmbeddedKafkaNodeAddress(2, 41000, 41001);

        assertThat(address.bootstrapServer()).isEqualTo("127.0.0.1:41000");
        assertThat(address.voter()).isEqualTo("2@127.0.0.1:41001");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> new EmbeddedKafkaNodeAddress(0, 0, 41001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broker port must be in [1, 65535], got 0");
    }

    @Test
    void rejectsANegativeNodeId() {
        assertThatThrownBy(() -> new EmbeddedKafkaNodeAddress(-1, 41000, 41001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node id must be at least 0, got -1");
    }
}
