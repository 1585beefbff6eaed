package com.arbalert.bot.telegram;

/** Told when Telegram answers 403 for a chat: the user blocked the bot, so stop writing to them. */
public interface BlockedChats {

    void chatBlocked(long chatId);
}
