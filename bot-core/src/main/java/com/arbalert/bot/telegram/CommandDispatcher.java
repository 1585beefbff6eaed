package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.commands.BotTexts;
import com.arbalert.bot.commands.HelpText;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place commands are run: finds the handler, enforces {@link CommandHandler#adminOnly()},
 * and sends the reply. An unknown command gets the help text.
 */
@Singleton
public final class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final Map<String, CommandHandler> handlers;
    private final BotAccount account;
    private final MessageSender sender;
    private final HelpText help;
    private final Counter refused;
    private final Counter failed;

    @Inject
    public CommandDispatcher(Map<String, CommandHandler> handlers, BotAccount account, MessageSender sender,
            HelpText help, MeterRegistry meters) {
        this.handlers = Map.copyOf(handlers);
        this.account = requireNonNull(account, "account");
        this.sender = requireNonNull(sender, "sender");
        this.help = requireNonNull(help, "help");
        this.refused = meters.counter("telegram.commands.refused");
        this.failed = meters.counter("telegram.commands.failed");
    }

    /** True when the text is a command (starts with a slash). */
    public static boolean isCommand(String text) {
        return text != null && text.startsWith("/") && text.length() > 1;
    }

    public void dispatch(IncomingText text, Locale locale) {
        String[] words = text.text().strip().split("\\s+");
        String name = words[0].substring(1).toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at); // "/stats@our_bot" in a menu tap
        }
        List<String> args = Arrays.asList(words).subList(1, words.length);
        boolean admin = account.isAdmin(text.userId());
        CommandHandler handler = handlers.get(name);
        boolean adminOnly = handler == null ? HelpText.STATS.equals(name) : handler.adminOnly();
        if (adminOnly && !admin) {
            refused.increment();
            log.warn("User {} is not an admin and was refused /{}", text.userId(), name);
            reply(text.chatId(), BotTexts.get(locale, "command.refused"));
            return;
        }
        if (handler == null) {
            reply(text.chatId(), HelpText.STATS.equals(name) ? BotTexts.get(locale, "stats.noPlugin")
                    : help.render(locale, admin));
            return;
        }
        CommandRequest request = new CommandRequest(text.userId(), text.chatId(), text.username(), locale, args, admin);
        CommandReply reply;
        try {
            reply = handler.handle(request);
        } catch (Exception e) {
            failed.increment();
            log.error("Command /{} of user {} failed", name, text.userId(), e);
            reply(text.chatId(), BotTexts.get(locale, "command.failed"));
            return;
        }
        if (reply != null) {
            sender.send(OutgoingMessage.text(text.chatId(), reply.monospace() ? TelegramHtml.pre(reply.text())
                    : TelegramHtml.escape(reply.text())), SendPriority.INTERACTIVE);
        }
    }

    private void reply(long chatId, String plainText) {
        sender.send(OutgoingMessage.text(chatId, TelegramHtml.escape(plainText)), SendPriority.INTERACTIVE);
    }
}
