package com.arbalert.calllogger;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;

import com.arbalert.bot.bet.BetButtonModule;
import com.arbalert.bot.core.CoreConfig;
import com.arbalert.bot.core.TelegramConnectionConfig;
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
 * The bot's Telegram side (delivery, I BET, questionnaire) bound to the core's configuration,
 * for booting the whole bot with {@code TestBot}: CoreModule leaves these install lines to be
 * added when the branches meet. Remove this module once CoreModule installs them.
 */
final class TelegramSide extends AbstractModule {

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
        return new Account(config.getBotToken().orElse(""), config.getApiUrl(), Set.copyOf(config.getAdminIds()));
    }

    @Provides
    @Singleton
    @Named(BetButtonModule.CALLBACK_SECRET)
    String callbackSecret(CoreConfig config) {
        return config.getCallbackSecret().orElse("");
    }

    private record Account(String botToken, URI apiUrl, Set<Long> adminIds) implements BotAccount {
        @Override
        public String toString() {
            return "Account[" + apiUrl + ", admins " + adminIds + "]";
        }
    }
}
