package io.autoscale.chat.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A docker-compose.yml as compose reads it before interpolation: anchors and {@code <<} merge keys resolved
 * (SnakeYAML, which Jackson's YAML module is built on, does that; Jackson's own tree keeps aliases as
 * names), then held as a Jackson tree. {@code ${VAR:-default}} stays as written.
 */
record ComposeModel(JsonNode root) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ComposeModel read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new ComposeModel(MAPPER.valueToTree(document));
        }
    }

    Set<String> serviceNames() {
        Set<String> names = new TreeSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + name + "; it has "
                    + serviceNames());
        }
        return service;
    }

    /**
     * The variables a service sets, in either of compose's two forms (map, or list of {@code KEY=VALUE}).
     * A variable listed without a value maps to null: compose passes it through from its own shell.
     */
    Map<String, String> environment(String name) {
        JsonNode environment = service(name).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment.fields().forEachRemaining(entry ->
                    variables.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText()));
        } else if (environment.isArray()) {
            for (JsonNode item : environment) {
                String text = item.asText();
                int equals = text.indexOf('=');
                variables.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return Collections.unmodifiableMap(variables);
    }

    /** The command as a list of words; a string command is split on spaces, as compose does for plain words. */
    List<String> command(String name) {
        JsonNode command = service(name).path("command");
        List<String> words = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(word -> words.add(word.asText()));
        } else if (command.isTextual()) {
            words.addAll(List.of(command.asText().trim().split("\\s+")));
        }
        return List.copyOf(words);
    }

    /** The Dockerfile a service builds from, resolved against the compose file's folder; empty without build. */
    Optional<Path> dockerfile(String name, Path composeFolder) {
        JsonNode build = service(name).path("build");
        if (build.isMissingNode() || build.isNull()) {
            return Optional.empty();
        }
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        return Optional.of(composeFolder.resolve(context).resolve(dockerfile).normalize());
    }

    /** The short-syntax volume entries, such as {@code ./traces:/traces:ro}. */
    List<String> volumes(String name) {
        List<String> volumes = new ArrayList<>();
        service(name).path("volumes").forEach(volume -> volumes.add(volume.asText()));
        return List.copyOf(volumes);
    }
}
