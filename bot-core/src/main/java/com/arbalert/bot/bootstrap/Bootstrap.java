package com.arbalert.bot.bootstrap;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.config.ConfigClass;
import com.arbalert.bot.config.ConfigException;
import com.arbalert.bot.config.ConfigProperty;
import com.arbalert.bot.config.ConfigProvider;
import com.arbalert.bot.config.ConfigSources;
import com.arbalert.bot.config.ConfigurationFactory;
import com.arbalert.bot.logging.LogMasking;
import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.ProviderInstanceBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one injector, as Airlift's bootstrap does: it records the modules' bindings, finds
 * every config class bound with ConfigBinder, loads and checks the whole configuration (so all
 * problems are reported at once, before any object exists), logs it with secrets masked, and
 * only then creates the injector (production stage, explicit bindings, no circular proxies).
 */
public final class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final List<Module> modules;

    public Bootstrap(List<? extends Module> modules) {
        this.modules = dedupe(requireNonNull(modules, "modules"));
    }

    /** The config classes and their keys the modules declare, without loading anything. */
    public List<ConfigClass<?>> configClasses() {
        return collect(record()).stream().<ConfigClass<?>>map(p -> ConfigClass.of(p.configClass())).toList();
    }

    /** @throws ConfigException with every configuration problem, one line each */
    public Injector initialize(ConfigSources sources) {
        List<Element> elements = record();
        List<ConfigProvider<?>> providers = collect(elements);
        Set<String> knownKeys = new HashSet<>();
        for (ConfigProvider<?> provider : providers) {
            ConfigClass.of(provider.configClass()).properties().forEach(p -> knownKeys.add(p.key()));
        }
        ConfigurationFactory factory = new ConfigurationFactory(sources.merge(knownKeys));
        List<String> problems = new ArrayList<>();
        for (ConfigProvider<?> provider : providers) {
            try {
                factory.build(provider.configClass());
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            provider.useFactory(factory);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        rememberSecrets(factory);
        log.info("Effective configuration:{}", render(factory));
        return Guice.createInjector(Stage.PRODUCTION, Elements.getModule(elements));
    }

    /** One {@code KEY=value} line per key, sorted, secrets masked. */
    public static String render(ConfigurationFactory factory) {
        Map<String, String> lines = new LinkedHashMap<>();
        Set<String> secretKeys = new HashSet<>();
        factory.builtConfigs().forEach((cc, instance) -> {
            for (ConfigProperty p : cc.properties()) {
                lines.put(p.key(), p.display(instance));
                if (p.secret()) {
                    secretKeys.add(p.key());
                }
            }
        });
        // a key that two classes declare stays masked if either calls it a secret
        secretKeys.forEach(key -> lines.computeIfPresent(key, (k, v) -> v.equals(ConfigProperty.UNSET) ? v : ConfigProperty.MASK));
        StringBuilder out = new StringBuilder();
        new TreeSet<>(lines.keySet()).forEach(key -> out.append(System.lineSeparator()).append("  ").append(key).append('=').append(lines.get(key)));
        return out.toString();
    }

    private static void rememberSecrets(ConfigurationFactory factory) {
        factory.builtConfigs().forEach((cc, instance) -> {
            for (ConfigProperty p : cc.properties()) {
                p.secretValue(instance).ifPresent(LogMasking::addSecret);
            }
        });
    }

    private List<Element> record() {
        Module root = new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
                modules.forEach(this::install);
            }
        };
        return Elements.getElements(Stage.PRODUCTION, root);
    }

    private static List<ConfigProvider<?>> collect(List<Element> elements) {
        List<ConfigProvider<?>> providers = new ArrayList<>();
        for (Element element : elements) {
            if (element instanceof Binding<?> binding && binding instanceof ProviderInstanceBinding<?> pib
                    && pib.getUserSuppliedProvider() instanceof ConfigProvider<?> provider) {
                providers.add(provider);
            }
        }
        return providers;
    }

    /** A plugin found on the class path and also passed explicitly (as tests may) is installed once. */
    private static List<Module> dedupe(List<? extends Module> modules) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Module> unique = new ArrayList<>();
        for (Module m : modules) {
            if (m.getClass().isAnonymousClass() || m.getClass().isSynthetic() || seen.add(m.getClass())) {
                unique.add(m);
            } else {
                log.info("Module {} is listed twice; installing it once", m.getClass().getName());
            }
        }
        return unique;
    }
}
