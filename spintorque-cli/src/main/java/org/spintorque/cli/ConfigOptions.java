package org.spintorque.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of a command that reads one configuration: CONFIG, --out, --set and --quiet (a picocli mixin). */
final class ConfigOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "TOML configuration file")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output directory (default: out/<config name>)")
    Path out;

    @Option(names = {"-s", "--set"}, paramLabel = "TABLE.KEY=VALUE",
            description = "set a parameter, e.g. --set model.exchange=0.5 (repeatable; overrides the file; the "
                    + "parameters are listed below)")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "print no table and no progress")
    boolean quiet;

    /** The configuration file merged with --set and the defaults. */
    ResolvedInput read(ParameterSchema schema) {
        return new ConfigReader(schema).read(config, overrides);
    }

    /** --out, or out/&lt;config name&gt; (out/&lt;command&gt; without a file). */
    Path outputDirectory(String command) {
        return out != null ? out : Path.of("out", config == null ? command : AnalyticCommand.stem(config));
    }
}
