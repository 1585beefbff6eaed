package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.commands.HelpText;
import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.Service;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * Sets Telegram's command menu at start: public commands for everyone, public and admin
 * commands in each admin's private chat, in English and French.
 */
public final class CommandMenu implements Service {
    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);
    private static final String NAME = "[a-z0-9_]{1,32}";

    private final TelegramConnection connection;
    private final HelpText help;
    private final BotAccount account;

    @Inject
    public CommandMenu(TelegramConnection connection, HelpText help, BotAccount account) {
        this.connection = requireNonNull(connection, "connection");
        this.help = requireNonNull(help, "help");
        this.account = requireNonNull(account, "account");
    }

    @Override
    public int phase() {
        return PHASE_CORE;
    }

    @Override
    public void start() {
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        for (Locale locale : List.of(Texts.ENGLISH, Texts.FRENCH)) {
            String language = locale == Texts.FRENCH ? "fr" : null;
            calls.add(set(help.menu(locale, false), BotCommandScopeDefault.builder().build(), language));
            for (long admin : account.adminIds()) {
                calls.add(set(help.menu(locale, true), BotCommandScopeChat.builder().chatId(admin).build(), language));
            }
        }
        // a menu that could not be set is cosmetic: the bot still works, so log and go on
        for (CompletableFuture<Boolean> call : calls) {
            call.handle((ok, error) -> {
                if (error != null) {
                    log.warn("setMyCommands failed: {}", ApiFailure.of(error).description());
                }
                return null;
            }).join();
        }
    }

    private CompletableFuture<Boolean> set(Map<String, String> menu, BotCommandScope scope, String language) {
        List<BotCommand> commands = new ArrayList<>();
        menu.forEach((name, description) -> {
            if (!name.matches(NAME)) {
                throw new IllegalStateException("command name '" + name + "' is not 1-32 of a-z, 0-9 and _");
            }
            commands.add(new BotCommand(name, description));
        });
        return connection.call(SetMyCommands.builder().commands(commands).scope(scope).languageCode(language).build());
    }

    @Override
    public void stop() {
        // the menu stays as set
    }
}
