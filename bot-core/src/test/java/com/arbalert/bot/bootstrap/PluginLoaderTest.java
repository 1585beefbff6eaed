package com.arbalert.bot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.arbalert.bot.plugin.ProbePlugin;
import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.testing.TestBot;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PluginLoaderTest {

    @Test
    void aModuleListedInMetaInfServicesIsFoundAndLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger(PluginLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        List<Module> plugins;
        try {
            plugins = PluginLoader.discover(getClass().getClassLoader());
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(plugins).hasAtLeastOneElementOfType(ProbePlugin.class);
        assertThat(appender.list).map(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Loaded plugin com.arbalert.bot.plugin.ProbePlugin from ") && m.contains("test-classes"));
    }

    @Test
    void theDiscoveredPluginsBindingsReachTheInjectorOnceEvenIfAlsoPassedExplicitly() {
        Set<HealthContributor> contributors = TestBot.builder().module(new ProbePlugin()).injector()
                .getInstance(Key.get(new TypeLiteral<Set<HealthContributor>>() { }));
        assertThat(contributors).extracting(HealthContributor::name).containsOnlyOnce("probe-plugin").contains("database");
    }
}
