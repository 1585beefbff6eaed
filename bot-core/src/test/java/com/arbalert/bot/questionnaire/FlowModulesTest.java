package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.bet.BetButtonModule;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.DataDir;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.spi.Service;
import com.arbalert.bot.telegram.BetButtonFactory;
import com.arbalert.bot.telegram.CallbackHandler;
import com.arbalert.bot.telegram.IncomingCallback;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.PublishedCalls;
import com.arbalert.bot.telegram.TextReplyHandler;
import com.arbalert.bot.testing.CoreSchema;
import com.arbalert.bot.testing.MutableClock;
import com.arbalert.bot.testing.RecordingMessageSender;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowModulesTest {

    @Test
    void theModulesWireTheFlowsWithExplicitBindingsOnly(@TempDir Path dataDir) throws Exception {
        RecordingMessageSender sender = new RecordingMessageSender();
        MutableClock clock = new MutableClock(FlowsFixture.START);
        CopyOnWriteArrayList<String> results = new CopyOnWriteArrayList<>();
        try (HikariDataSource dataSource = CoreSchema.migrated("flow_modules")) {
            Injector injector = Guice.createInjector(new BetButtonModule(), new QuestionnaireModule(), new AbstractModule() {
                @Override
                protected void configure() {
                    binder().requireExplicitBindings();
                    binder().disableCircularProxies();
                    bind(DataSource.class).toInstance(dataSource);
                    bind(Clock.class).toInstance(clock);
                    bind(MessageSender.class).toInstance(sender);
                    bind(MeterRegistry.class).toInstance(new SimpleMeterRegistry());
                    bind(Path.class).annotatedWith(DataDir.class).toInstance(dataDir);
                    bind(String.class).annotatedWith(Names.named(BetButtonModule.CALLBACK_SECRET)).toInstance("");
                    bind(QuestionnaireConfig.class).toInstance(new QuestionnaireConfig());
                    Multibinder.newSetBinder(binder(), ResultHook.class).addBinding().toInstance(
                            (callId, userId, outcome, profit, at) -> results.add(callId + " " + outcome.code() + " " + profit));
                }
            });

            Set<CallbackHandler> callbacks = injector.getInstance(Key.get(new TypeLiteral<Set<CallbackHandler>>() { }));
            assertThat(callbacks).extracting(CallbackHandler::prefix).containsExactlyInAnyOrder("b:", "q:");
            assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<TextReplyHandler>>() { }))).hasSize(1);
            assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, CommandHandler>>() { })))
                    .containsOnlyKeys("skip", "cancel");
            Set<Service> services = injector.getInstance(Key.get(new TypeLiteral<Set<Service>>() { }));
            assertThat(services).hasSize(2).anyMatch(QuestionnaireScheduler.class::isInstance);
            // the key file is made when the bot starts, never while the object graph is built
            assertThat(dataDir.resolve("callback-secret")).doesNotExist();
            for (Service service : services) {
                if (service.phase() < Service.PHASE_CORE) {
                    service.start();
                }
            }
            assertThat(dataDir.resolve("callback-secret")).exists();

            // alert delivery's view: a button made by the factory is accepted by the bound handler
            injector.getInstance(PublishedCalls.class).remember(FlowsFixture.arbitrage(801).build());
            String data = injector.getInstance(BetButtonFactory.class).betCallbackData(801);
            handler(callbacks, "b:").handle(new IncomingCallback("cq1", 5, 5, 1, "u", "en", data));
            assertThat(sender.lastAnswer().text()).isEqualTo("Counted — good luck!");

            clock.advance(Duration.ofHours(4));
            assertThat(injector.getInstance(QuestionnaireScheduler.class).checkNow().opened()).isEqualTo(1);
            String outcomeButton = sender.last(5).message().keyboard().get(0).get(0).callbackData();
            handler(callbacks, "q:").handle(new IncomingCallback("cq2", 5, 5, 2, "u", "en", outcomeButton));
            TextReplyHandler replies = injector.getInstance(Key.get(new TypeLiteral<Set<TextReplyHandler>>() { }))
                    .iterator().next();
            assertThat(replies.handle(new com.arbalert.bot.telegram.IncomingText(5, 5, "u", "en", 3, "9.5"))).isTrue();
            assertThat(results).containsExactly("801 a_won 9.50");
        }
    }

    private static CallbackHandler handler(Set<CallbackHandler> handlers, String prefix) {
        return handlers.stream().filter(h -> h.prefix().equals(prefix)).findFirst().orElseThrow();
    }
}
