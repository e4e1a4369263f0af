package io.autoscale.chat.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The defaults of every option, so that a service in a container can be configured without flags.
 * Precedence: a command-line flag (picocli never asks for it) &gt; the environment variable
 * {@code AUTOSCALE_CHAT_<OPTION_NAME>} &gt; the key {@code option-name} of the {@code --config} properties
 * file &gt; the option's built-in default (this provider returns {@code null}).
 *
 * <p>Picocli asks after the command line is parsed, so {@code --config} given as a flag is already known.
 * A blank variable counts as unset: docker compose passes an unset shell variable through as empty.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    static final String PREFIX = "AUTOSCALE_CHAT_";
    /** The precedence rule, as the commands' help states it. */
    static final String PRECEDENCE = "Precedence: command-line flag > environment variable "
            + "AUTOSCALE_CHAT_<OPTION_NAME> (e.g. AUTOSCALE_CHAT_BOOTSTRAP_SERVERS; blank counts as unset) > key "
            + "<option-name> of the --config file > built-in default.";

    private final Map<String, String> environment;
    private final Map<Path, Properties> files = new ConcurrentHashMap<>();
    /** Where the value of an option not given as a flag came from, by option name; for error messages. */
    private final Map<String, String> origins = new ConcurrentHashMap<>();

    ConfigDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code --bootstrap-servers} and {@code bootstrap-servers} both give {@code AUTOSCALE_CHAT_BOOTSTRAP_SERVERS}. */
    static String variableOf(String optionName) {
        return PREFIX + key(optionName).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The properties-file key of an option: its name without the leading dashes. */
    static String key(String optionName) {
        return optionName.replaceFirst("^-+", "");
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String name = option.longestName();
        String variable = variableOf(name);
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return checked(option, fromEnvironment.strip(), "environment variable " + variable);
        }

        boolean isConfigOption = name.equals(ConfigFileOption.NAME);
        Path file = isConfigOption ? null : configFile(option.command());
        if (file == null) {
            return null;
        }
        String fromFile = properties(file, option.command()).getProperty(key(name));
        if (fromFile == null || fromFile.isBlank()) {
            return null;
        }
        return checked(option, fromFile.strip(), file + ": key " + key(name));
    }

    /** Where the value of {@code optionName} came from when not from a flag, e.g. "environment variable X". */
    String originOf(String optionName) {
        return origins.get(optionName);
    }

    private String checked(OptionSpec option, String value, String origin) {
        String problem = ValueCheck.problem(option.type(), value);
        if (problem != null) {
            throw new ParameterException(option.command().commandLine(),
                    origin + ": invalid value for " + option.longestName() + ": " + problem);
        }
        origins.put(option.longestName(), origin);
        return value;
    }

    /** The flag's value when given, else the variable; {@code null} when the command has no --config. */
    private Path configFile(CommandSpec command) {
        OptionSpec configOption = command.findOption(ConfigFileOption.NAME);
        if (configOption == null) {
            return null;
        }
        Path flag = configOption.getValue();
        if (flag != null) {
            return flag;
        }
        String variable = environment.get(variableOf(ConfigFileOption.NAME));
        return variable == null || variable.isBlank() ? null : Path.of(variable.strip());
    }

    private Properties properties(Path file, CommandSpec command) {
        return files.computeIfAbsent(file, path -> load(path, command));
    }

    private static Properties load(Path file, CommandSpec command) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(),
                    ConfigFileOption.NAME + " " + file + ": cannot read it (" + e + ")");
        }
        // One file may configure every service, so a key is fine if any command knows it; a typo is not.
        Set<String> known = knownKeys(command.root());
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new ParameterException(command.commandLine(),
                        file + ": key " + key + " is no option of autoscale-chat");
            }
        }
        return properties;
    }

    private static Set<String> knownKeys(CommandSpec root) {
        Set<String> keys = new TreeSet<>();
        collectKeys(root, keys);
        return keys;
    }

    private static void collectKeys(CommandSpec command, Set<String> keys) {
        for (OptionSpec option : command.options()) {
            keys.add(key(option.longestName()));
        }
        command.subcommands().values().forEach(sub -> collectKeys(sub.getCommandSpec(), keys));
    }
}
