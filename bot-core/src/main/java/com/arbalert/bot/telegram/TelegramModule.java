package com.arbalert.bot.telegram;

import com.arbalert.bot.alerts.AlertPublisher;
import com.arbalert.bot.alerts.CallIngestRoute;
import com.arbalert.bot.alerts.CallJson;
import com.arbalert.bot.alerts.CallSentHooks;
import com.arbalert.bot.alerts.AlertFingerprints;
import com.arbalert.bot.commands.HelpCommand;
import com.arbalert.bot.commands.HelpText;
import com.arbalert.bot.commands.LangCommand;
import com.arbalert.bot.commands.StartCommand;
import com.arbalert.bot.commands.StopCommand;
import com.arbalert.bot.spi.AdminNotifier;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.spi.Service;
import com.arbalert.bot.subscribers.SubscriberRepository;
import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;

/**
 * The Telegram side of the bot: client, long polling, the rate-limited sender, subscribers,
 * commands, alert delivery and POST /v1/calls. Bindings only.
 *
 * <p>Needs from the core bootstrap: {@code DataSource}, {@code Clock}, {@code MeterRegistry},
 * {@code ObjectMapper}, {@code CallIds}, {@link BotAccount} (TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL,
 * ADMIN_IDS), {@link TelegramConfig} (bound by the config binder), and the core's migrations of
 * {@code classpath:db/migration/core} (V10, V11 are ours). Needs from the I BET flow:
 * {@link BetButtonFactory}.
 *
 * <p>Provides: {@link MessageSender}, {@link AdminNotifier}, {@link AlertPublisher}, the commands
 * start/stop/help/lang, the "telegram" health check, the route, and the services
 * {@link TelegramConnection} (PHASE_CORE - 1), {@link RateLimitedSender} and {@link CommandMenu}
 * (PHASE_CORE), {@link UpdatePoller} (PHASE_INGRESS). Extension points it collects:
 * {@code Set<CallbackHandler>}, {@code Set<TextReplyHandler>}, {@code Set<CallSentHook>},
 * {@code Map<String, CommandHandler>}.
 */
public final class TelegramModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TelegramConnection.class).in(Scopes.SINGLETON);
        bind(RateLimitedSender.class).in(Scopes.SINGLETON);
        bind(MessageSender.class).to(RateLimitedSender.class);
        bind(SubscriberRepository.class).in(Scopes.SINGLETON);
        bind(BlockedChats.class).to(SubscriberRepository.class);
        bind(AdminNotifier.class).to(TelegramAdminNotifier.class);
        bind(CommandDispatcher.class).in(Scopes.SINGLETON);
        bind(UpdateRouter.class).in(Scopes.SINGLETON);
        bind(UpdatePoller.class).in(Scopes.SINGLETON);
        bind(HelpText.class).in(Scopes.SINGLETON);
        bind(CommandMenu.class).in(Scopes.SINGLETON);
        bind(AlertFingerprints.class).in(Scopes.SINGLETON);
        bind(CallSentHooks.class).in(Scopes.SINGLETON);
        bind(AlertPublisher.class).in(Scopes.SINGLETON);
        bind(CallJson.class).in(Scopes.SINGLETON);
        bind(CallIngestRoute.class).in(Scopes.SINGLETON);
        bind(PollingHealth.class).in(Scopes.SINGLETON);
        bind(TelegramAdminNotifier.class).in(Scopes.SINGLETON);
        bind(StartCommand.class);
        bind(StopCommand.class);
        bind(HelpCommand.class);
        bind(LangCommand.class);

        Multibinder<Service> services = Multibinder.newSetBinder(binder(), Service.class);
        services.addBinding().to(TelegramConnection.class);
        services.addBinding().to(RateLimitedSender.class);
        services.addBinding().to(CommandMenu.class);
        services.addBinding().to(UpdatePoller.class);

        MapBinder<String, CommandHandler> commands = MapBinder.newMapBinder(binder(), String.class,
                CommandHandler.class);
        commands.addBinding("start").to(StartCommand.class);
        commands.addBinding("stop").to(StopCommand.class);
        commands.addBinding("help").to(HelpCommand.class);
        commands.addBinding("lang").to(LangCommand.class);

        Multibinder.newSetBinder(binder(), CallbackHandler.class);
        Multibinder.newSetBinder(binder(), TextReplyHandler.class);
        Multibinder.newSetBinder(binder(), CallSentHook.class);
        Multibinder.newSetBinder(binder(), HealthContributor.class).addBinding().to(PollingHealth.class);
        Multibinder.newSetBinder(binder(), HttpRoute.class).addBinding().to(CallIngestRoute.class);
    }
}
