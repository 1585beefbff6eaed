package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.commands.BotTexts;
import com.arbalert.bot.commands.HelpText;
import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.subscribers.Subscriber;
import com.arbalert.bot.subscribers.SubscriberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns updates into {@link IncomingText} and {@link IncomingCallback} and routes them: commands
 * to the dispatcher, button presses to the {@link CallbackHandler} whose prefix matches, other text
 * to the {@link TextReplyHandler}s, else the help text. Private chats only.
 *
 * <p>The library has advanced its offset before this runs, and an exception escaping here would
 * silently end polling: every update is handled on its own and nothing escapes; failures are
 * logged and counted ({@code telegram.updates.failed}).
 */
@Singleton
public final class UpdateRouter implements LongPollingUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

    private final CommandDispatcher commands;
    private final List<CallbackHandler> callbackHandlers;
    private final Set<TextReplyHandler> textHandlers;
    private final SubscriberRepository subscribers;
    private final MessageSender sender;
    private final HelpText help;
    private final BotAccount account;
    private final Counter handled;
    private final Counter failed;

    @Inject
    public UpdateRouter(CommandDispatcher commands, Set<CallbackHandler> callbackHandlers,
            Set<TextReplyHandler> textHandlers, SubscriberRepository subscribers, MessageSender sender, HelpText help,
            BotAccount account, MeterRegistry meters) {
        this.commands = requireNonNull(commands, "commands");
        // the longest prefix wins, so "q:x:" can live beside "q:"
        this.callbackHandlers = callbackHandlers.stream()
                .sorted(Comparator.comparingInt((CallbackHandler h) -> h.prefix().length()).reversed()).toList();
        this.textHandlers = Set.copyOf(textHandlers);
        this.subscribers = requireNonNull(subscribers, "subscribers");
        this.sender = requireNonNull(sender, "sender");
        this.help = requireNonNull(help, "help");
        this.account = requireNonNull(account, "account");
        this.handled = meters.counter("telegram.updates.handled");
        this.failed = meters.counter("telegram.updates.failed");
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            try {
                route(update);
                handled.increment();
            } catch (Throwable e) { // NOPMD: anything escaping would stop polling for good
                failed.increment();
                log.error("Update {} could not be handled and is dropped", update.getUpdateId(), e);
            }
        }
    }

    private void route(Update update) {
        if (update.hasCallbackQuery()) {
            routeCallback(update.getCallbackQuery());
        } else if (update.hasMessage() && update.getMessage().hasText()) {
            Message m = update.getMessage();
            if (!isPrivate(m)) {
                log.debug("Ignoring a message from non-private chat {}", m.getChatId());
                return;
            }
            User from = m.getFrom();
            routeText(new IncomingText(from.getId(), m.getChatId(), from.getUserName(), from.getLanguageCode(),
                    m.getMessageId(), m.getText()));
        }
    }

    private void routeText(IncomingText text) {
        Locale locale = localeOf(text.userId(), text.languageCode());
        if (CommandDispatcher.isCommand(text.text())) {
            commands.dispatch(text, locale);
            return;
        }
        for (TextReplyHandler h : textHandlers) {
            if (h.handle(text)) {
                return;
            }
        }
        sender.send(OutgoingMessage.text(text.chatId(),
                TelegramHtml.escape(help.render(locale, account.isAdmin(text.userId())))), SendPriority.INTERACTIVE);
    }

    private void routeCallback(CallbackQuery query) {
        User from = query.getFrom();
        MaybeInaccessibleMessage m = query.getMessage();
        String data = query.getData() == null ? "" : query.getData();
        if (m != null && isPrivate(m)) {
            IncomingCallback callback = new IncomingCallback(query.getId(), from.getId(), m.getChatId(),
                    m.getMessageId(), from.getUserName(), from.getLanguageCode(), data);
            for (CallbackHandler h : callbackHandlers) {
                if (data.startsWith(h.prefix())) {
                    try {
                        h.handle(callback);
                    } catch (RuntimeException e) {
                        unclaimed(query, from);
                        throw e;
                    }
                    return;
                }
            }
        }
        log.info("Unclaimed button press from user {}: {}", from.getId(), data);
        unclaimed(query, from);
    }

    /** Every press is answered, or the button keeps spinning on the user's phone. */
    private void unclaimed(CallbackQuery query, User from) {
        sender.answerCallback(query.getId(),
                BotTexts.get(localeOf(from.getId(), from.getLanguageCode()), "callback.unknown"));
    }

    private Locale localeOf(long userId, String languageCode) {
        try {
            return subscribers.find(userId).map(Subscriber::locale).orElseGet(() -> Texts.localeFor(languageCode));
        } catch (RuntimeException e) {
            // the database being away must not cost the user the command (an admin's /stats in an
            // outage shows the logger's own figures): Telegram's language code will do
            log.debug("Language of user {} unknown, database unavailable: {}", userId, e.getMessage());
            return Texts.localeFor(languageCode);
        }
    }

    private static boolean isPrivate(MaybeInaccessibleMessage m) {
        return m.getChat() != null && "private".equals(m.getChat().getType());
    }
}
