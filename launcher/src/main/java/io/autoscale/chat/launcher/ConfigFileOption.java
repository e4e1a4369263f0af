package io.autoscale.chat.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** `--config FILE`: read by {@link ConfigDefaults}, which supplies the defaults of every other option from it. */
final class ConfigFileOption {

    static final String NAME = "--config";

    @Option(names = NAME, paramLabel = "FILE",
            description = "Properties file of option defaults, one option-name=value a line, e.g. "
                    + "partitions=6 (default: AUTOSCALE_CHAT_CONFIG, else none).")
    Path configFile;
}
