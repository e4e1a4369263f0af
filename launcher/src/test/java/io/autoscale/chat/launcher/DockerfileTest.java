package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the root Dockerfile against the build it packages, without a Docker engine. */
class DockerfileTest {

    private static Path root;
    private static List<String> instructions;

    @BeforeAll
    static void readTheDockerfile() throws Exception {
        root = RepositoryRoot.find();
        instructions = Files.readAllLines(root.resolve("Dockerfile")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    @Test
    void buildsWithMavenAndRunsOnAJre() {
        assertThat(instructions).filteredOn(line -> line.startsWith("FROM "))
                .containsExactly("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
    }

    @Test
    void runsTheLauncherJarAsANonRootUser() {
        List<String> users = instructions.stream().filter(line -> line.startsWith("USER ")).toList();

        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("USER root", "USER 0");
        assertThat(instructions.get(instructions.size() - 1))
                .isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/app/autoscale-chat.jar\"]");
    }

    @Test
    void copiesTheJarTheLauncherBuildNamesAndItsLibFolder() throws Exception {
        String finalName = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(root.resolve("launcher/pom.xml").toFile())
                .getElementsByTagName("finalName").item(0).getTextContent().strip();

        assertThat(instructions)
                .contains("COPY --from=build /src/launcher/target/" + finalName + ".jar /app/autoscale-chat.jar")
                .contains("COPY --from=build /src/launcher/target/lib/ /app/lib/");
    }

    @Test
    void copiesTheHealthCheckThatComposeRuns() {
        assertThat(root.resolve("docker/service-healthcheck.sh")).isRegularFile().isExecutable();
        assertThat(instructions).contains("COPY --chmod=0755 docker/service-healthcheck.sh /app/healthcheck.sh");
    }
}
