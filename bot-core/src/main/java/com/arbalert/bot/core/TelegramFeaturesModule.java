package com.arbalert.bot.core;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;

import com.arbalert.bot.bet.BetButtonModule;
import com.arbalert.bot.questionnaire.QuestionnaireConfig;
import com.arbalert.bot.questionnaire.QuestionnaireModule;
import com.arbalert.bot.telegram.BotAccount;
import com.arbalert.bot.telegram.TelegramConfig;
import com.arbalert.bot.telegram.TelegramModule;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;

/**
 * The bot's Telegram features (delivery, I BET, questionnaire) with their configuration, and the
 * adapters from the core's configuration to what those features ask for.
 */
final class TelegramFeaturesModule extends AbstractModule {

    @Override
    protected void configure() {
        bindConfig(binder(), TelegramConfig.class);
        bindConfig(binder(), QuestionnaireConfig.class);
        install(new TelegramModule());
        install(new BetButtonModule());
        install(new QuestionnaireModule());
    }

    @Provides
    @Singleton
    BotAccount botAccount(TelegramConnectionConfig config) {
        return new ConfiguredBotAccount(config);
    }

    @Provides
    @Singleton
    @Named(BetButtonModule.CALLBACK_SECRET)
    String callbackSecret(CoreConfig config) {
        // empty: the signing key is generated once and kept under DATA_DIR
        return config.getCallbackSecret().orElse("");
    }
}
