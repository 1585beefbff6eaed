package com.arbalert.bot.bootstrap;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.config.ConfigSources;
import com.arbalert.bot.core.CoreModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What a command gets: the configuration sources, the plugins found, and where to print. */
public final class Launch {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int CONFIG_ERROR = 2;
    public static final String CONFIG_HELP = "see README.md#configuration";

    private final ConfigSources sources;
    private final List<Module> plugins;
    private final List<String> args;
    private final PrintStream out;
    private final PrintStream err;

    public Launch(ConfigSources sources, List<Module> plugins, List<String> args, PrintStream out, PrintStream err) {
        this.sources = requireNonNull(sources, "sources");
        this.plugins = List.copyOf(plugins);
        this.args = List.copyOf(args);
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
    }

    public ConfigSources sources() {
        return sources;
    }

    /** The arguments after the command's name. */
    public List<String> args() {
        return args;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The core module, then the plugins, then {@code extra}. */
    public List<Module> modules(Module... extra) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule());
        modules.addAll(plugins);
        modules.addAll(List.of(extra));
        return modules;
    }

    /** Builds the injector; a configuration problem propagates as ConfigException. */
    public Injector injector(Module... extra) {
        return new Bootstrap(modules(extra)).initialize(sources);
    }
}
