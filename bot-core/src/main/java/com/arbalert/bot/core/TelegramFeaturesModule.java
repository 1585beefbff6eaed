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
import java.net.URI;
import java.util.Set;

/**
 * The bot's Telegram side (delivery, the I BET button, the questionnaire) bound to the core's
 * configuration: the account from {@link TelegramConnectionConfig}, the callback secret from
 * {@link CoreConfig}, and the Telegram and questionnaire config classes. {@link CoreModule} does
 * not install it yet (its tests boot without Telegram); a bot that talks to Telegram adds it to
 * its modules, as the end-to-end tests of the call logger do.
 */
public final class TelegramFeaturesModule extends AbstractModule {

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
    BotAccount account(TelegramConnectionConfig config) {
        return new ConfiguredAccount(config.getBotToken().orElse(""), config.getApiUrl(),
                Set.copyOf(config.getAdminIds()));
    }

    /** Empty when CALLBACK_SECRET is unset: the I BET module then keeps a key under DATA_DIR. */
    @Provides
    @Singleton
    @Named(BetButtonModule.CALLBACK_SECRET)
    String callbackSecret(CoreConfig config) {
        return config.getCallbackSecret().orElse("");
    }

    private record ConfiguredAccount(String botToken, URI apiUrl, Set<Long> adminIds) implements BotAccount {
        // the token is a secret: never in a log line through toString
        @Override
        public String toString() {
            return "BotAccount[" + apiUrl + ", admins " + adminIds + "]";
        }
    }
}
