package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeModelTest {

    @TempDir
    Path folder;

    @Test
    void resolvesAnchorsAndMergeKeysAsComposeDoes() throws Exception {
        ComposeModel compose = read("""
                x-common: &common
                  build: .
                  command: ["balancer"]
                services:
                  one:
                    <<: *common
                    environment:
                      A: "1"
                """);

        assertThat(compose.command("one")).containsExactly("balancer");
        assertThat(compose.dockerfile("one", folder)).contains(folder.resolve("Dockerfile"));
    }

    @Test
    void readsBothEnvironmentFormsKeepingPassThroughVariablesAsNull() throws Exception {
        ComposeModel compose = read("""
                services:
                  asMap:
                    environment:
                      SET: ${PARTITIONS:-3}
                      PASSED:
                  asList:
                    environment:
                      - SET=kafka:9092
                      - PASSED
                """);

        assertThat(compose.environment("asMap"))
                .containsExactly(entry("SET", "${PARTITIONS:-3}"), entry("PASSED", null));
        assertThat(compose.environment("asList")).containsExactly(entry("SET", "kafka:9092"), entry("PASSED", null));
    }

    @Test
    void resolvesABuildWithItsOwnContextAndDockerfile() throws Exception {
        ComposeModel compose = read("""
                services:
                  built:
                    build:
                      context: images
                      dockerfile: Service.Dockerfile
                    command: producer --seed 7
                  pulled:
                    image: apache/kafka:4.1.1
                """);

        assertThat(compose.dockerfile("built", folder)).contains(folder.resolve("images/Service.Dockerfile"));
        assertThat(compose.dockerfile("pulled", folder)).isEmpty();
        assertThat(compose.command("built")).containsExactly("producer", "--seed", "7");
        assertThat(compose.command("pulled")).isEmpty();
    }

    @Test
    void namesTheKnownServicesWhenAskedForAnotherOne() throws Exception {
        ComposeModel compose = read("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                """);

        assertThatThrownBy(() -> compose.service("broker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("docker-compose.yml has no service broker; it has [kafka]");
    }

    private ComposeModel read(String yaml) throws Exception {
        return ComposeModel.read(Files.writeString(folder.resolve("docker-compose.yml"), yaml));
    }
}
