package com.arbalert.bot.spi;

/** Sends a plain-text message to every admin (ADMIN_IDS). Never blocks: the message is queued. */
public interface AdminNotifier {
    void notifyAdmins(String text);
}
