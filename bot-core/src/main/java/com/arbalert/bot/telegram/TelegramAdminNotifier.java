package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.AdminNotifier;
import jakarta.inject.Inject;

/** Sends a plain text to every ADMIN_IDS chat through the rate-limited sender. */
public final class TelegramAdminNotifier implements AdminNotifier {
    private final BotAccount account;
    private final MessageSender sender;

    @Inject
    public TelegramAdminNotifier(BotAccount account, MessageSender sender) {
        this.account = requireNonNull(account, "account");
        this.sender = requireNonNull(sender, "sender");
    }

    @Override
    public void notifyAdmins(String text) {
        String html = TelegramHtml.escape(text);
        for (long admin : account.adminIds()) {
            sender.send(OutgoingMessage.text(admin, html), SendPriority.INTERACTIVE);
        }
    }
}
