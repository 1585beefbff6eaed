package com.arbalert.bot.bootstrap;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.config.ConfigClass;
import com.arbalert.bot.config.ConfigException;
import com.arbalert.bot.config.ConfigProperty;
import com.arbalert.bot.config.ConfigSources;
import com.arbalert.bot.lifecycle.ServiceStartException;
import com.google.inject.CreationException;
import com.google.inject.Module;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The entry point of {@code ./bot}: {@code [--config FILE] <command> [args]}. Maps the command
 * to a {@link BotCommand}; a configuration problem is one line on stderr and exit code 2.
 */
public final class BotMain {
    private static final Logger log = LoggerFactory.getLogger(BotMain.class);

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public BotMain(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment"));
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new BotMain(System.getenv(), System.out, System.err).execute(args));
    }

    /** Built-in commands first; one listed in META-INF/services may add a name but not replace one. */
    static Map<String, BotCommand> commands() {
        Map<String, BotCommand> commands = new LinkedHashMap<>();
        for (BotCommand c : List.of(new RunCommand(), new MigrateCommand())) {
            commands.put(c.name(), c);
        }
        for (BotCommand c : ServiceLoader.load(BotCommand.class)) {
            commands.putIfAbsent(c.name(), c);
        }
        return commands;
    }

    public int execute(String... argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        String configFile = environment.get("BOT_CONFIG");
        if (args.size() >= 2 && args.get(0).equals("--config")) {
            configFile = args.get(1);
            args = args.subList(2, args.size());
        }
        Map<String, BotCommand> commands = commands();
        if (args.isEmpty() || List.of("--help", "-h", "help").contains(args.get(0))) {
            printHelp(commands);
            return args.isEmpty() ? Launch.CONFIG_ERROR : Launch.OK;
        }
        BotCommand command = commands.get(args.get(0));
        if (command == null) {
            err.println("unknown command '" + args.get(0) + "'; commands: " + String.join(", ", commands.keySet())
                    + " (./bot --help)");
            return Launch.CONFIG_ERROR;
        }
        return run(command, configFile, args.subList(1, args.size()));
    }

    /** Runs one command; every failure becomes an exit code and one line on stderr. */
    int run(BotCommand command, String configFile, List<String> args) {
        try {
            ConfigSources sources = configFile == null || configFile.isBlank()
                    ? ConfigSources.environmentOnly(environment)
                    : new ConfigSources(ConfigSources.readFile(Path.of(configFile)), configFile, environment);
            List<Module> plugins = PluginLoader.discover(BotMain.class.getClassLoader());
            return command.run(new Launch(sources, plugins, args, out, err));
        } catch (ConfigException e) {
            err.println("configuration error: " + String.join("; ", e.problems()) + " (" + Launch.CONFIG_HELP + ")");
            return Launch.CONFIG_ERROR;
        } catch (ServiceStartException e) {
            err.println(e.getMessage());
            return Launch.FAILED;
        } catch (CreationException e) {
            // a module's mistake (a missing binding, say): the details go to the log, one line to the operator
            log.error("The modules cannot be wired", e);
            String first = e.getErrorMessages().stream().findFirst().map(m -> m.getMessage()).orElse("unknown error");
            err.println("the modules cannot be wired (" + e.getErrorMessages().size() + " error(s), see the log): "
                    + first.lines().findFirst().orElse(first));
            return Launch.FAILED;
        } catch (Exception e) {
            log.error("{} failed", command.name(), e);
            err.println(command.name() + " failed: " + e);
            return Launch.FAILED;
        }
    }

    private void printHelp(Map<String, BotCommand> commands) {
        Map<String, ConfigProperty> keys = new TreeMap<>();
        String keyProblem = null;
        try {
            List<Module> plugins = PluginLoader.discover(BotMain.class.getClassLoader());
            Launch launch = new Launch(ConfigSources.environmentOnly(Map.of()), plugins, List.of(), out, err);
            for (ConfigClass<?> cc : new Bootstrap(launch.modules()).configClasses()) {
                cc.properties().forEach(p -> keys.put(p.key(), p));
            }
        } catch (RuntimeException e) {
            keyProblem = e.getMessage();
        }
        out.println("usage: ./bot [--config FILE] <command>");
        out.println();
        out.println("commands:");
        commands.values().forEach(c -> out.printf("  %-10s %s%n", c.name(), c.summary()));
        out.println("  --help     show this text");
        out.println();
        out.println("configuration (environment variables, or KEY=value lines in the --config / BOT_CONFIG file):");
        keys.values().forEach(p -> out.printf("  %-22s %s%n", p.key(), p.description()));
        if (keyProblem != null) {
            out.println("  (cannot list the keys: " + keyProblem + ")");
        }
    }
}
