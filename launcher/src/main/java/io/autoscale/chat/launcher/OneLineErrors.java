package io.autoscale.chat.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Bad input gets one line on stderr naming what was wrong, and a non-zero exit: 2 for a bad option
 * or file, 1 for a run that failed. A bad value that came from the environment or a --config file is
 * named by its variable or key, since the user never typed the option.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int RUN_FAILED = 1;

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see --help)");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        boolean badInput = e instanceof IllegalArgumentException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String origin = badInput ? originOfFirstOption(message, command, parseResult) : null;
        String suffix = origin == null ? "" : " (from " + origin + ")";
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message + suffix);
        return badInput ? BAD_INPUT : RUN_FAILED;
    }

    private static String originOfFirstOption(String message, CommandLine command, ParseResult parseResult) {
        Matcher matcher = OPTION.matcher(message);
        boolean fromDefaults = command.getDefaultValueProvider() instanceof ConfigDefaults;
        if (!matcher.find() || !fromDefaults || parseResult.hasMatchedOption(matcher.group())) {
            return null;
        }
        return ((ConfigDefaults) command.getDefaultValueProvider()).originOf(matcher.group());
    }
}
