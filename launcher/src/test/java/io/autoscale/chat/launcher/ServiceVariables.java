package io.autoscale.chat.launcher;

import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The environment variables a command reads, derived from its picocli options by the launcher's own rule
 * ({@link ConfigDefaults#variableOf}): {@code AUTOSCALE_CHAT_} and the option's longest name without its
 * dashes, upper-cased, with {@code -} as {@code _} ({@code --bootstrap-servers} is
 * {@code AUTOSCALE_CHAT_BOOTSTRAP_SERVERS}).
 */
final class ServiceVariables {

    private ServiceVariables() {
    }

    static String variableOf(OptionSpec option) {
        return ConfigDefaults.variableOf(option.longestName());
    }

    /** Every option's variable, except --help and --version, which configure nothing. */
    static Set<String> readBy(CommandSpec command) {
        Set<String> variables = new TreeSet<>();
        for (OptionSpec option : command.options()) {
            boolean configures = !option.usageHelp() && !option.versionHelp();
            if (configures) {
                variables.add(variableOf(option));
            }
        }
        return variables;
    }

    static Set<String> requiredBy(CommandSpec command) {
        Set<String> variables = new TreeSet<>();
        for (OptionSpec option : command.options()) {
            if (option.required()) {
                variables.add(variableOf(option));
            }
        }
        return variables;
    }
}
