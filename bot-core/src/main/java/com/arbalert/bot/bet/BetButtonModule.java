package com.arbalert.bot.bet;

import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.Service;
import com.arbalert.bot.telegram.BetButtonFactory;
import com.arbalert.bot.telegram.CallbackHandler;
import com.arbalert.bot.telegram.CallbackSigner;
import com.arbalert.bot.telegram.HookCalls;
import com.arbalert.bot.telegram.PublishedCalls;
import com.arbalert.bot.telegram.PublishedCallsTable;
import com.arbalert.bot.telegram.SubscriberLanguages;
import com.arbalert.bot.telegram.UserLanguages;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * The I BET button: its signed callback data (for alert delivery, as {@link BetButtonFactory}),
 * its {@link CallbackHandler} for "b:", the published calls (kept by a {@link CallSentHook} as
 * alert delivery plans each broadcast), and what the questionnaire shares
 * with it (the signer, the hook guard, the user languages). Needs a DataSource, a Clock, a
 * MessageSender, a MeterRegistry, {@code @DataDir Path} and {@code @Named("CALLBACK_SECRET")
 * String} (empty when unset: a key is then kept under DATA_DIR).
 */
public final class BetButtonModule extends AbstractModule {
    public static final String CALLBACK_SECRET = "CALLBACK_SECRET";

    @Override
    protected void configure() {
        bind(PublishedCalls.class).to(PublishedCallsTable.class);
        bind(PublishedCallsTable.class).in(Singleton.class);
        bind(UserLanguages.class).to(SubscriberLanguages.class);
        bind(SubscriberLanguages.class).in(Singleton.class);
        bind(HookCalls.class).in(Singleton.class);
        bind(BetClicks.class).in(Singleton.class);
        bind(BetCallbackData.class).in(Singleton.class);
        bind(BetButtonFactory.class).to(BetCallbackData.class);
        bind(BetButtonHandler.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), CallbackHandler.class).addBinding().to(BetButtonHandler.class);
        Multibinder.newSetBinder(binder(), BetClickHook.class);
        bind(CallbackKeyLoader.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(CallbackKeyLoader.class);
        bind(PublishedCallRecorder.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), CallSentHook.class).addBinding().to(PublishedCallRecorder.class);
    }

    @Provides
    @Singleton
    CallbackSigner callbackSigner(CallbackKeyLoader key) {
        return new CallbackSigner(key);
    }
}
