package com.arbalert.bot.telegram;

/** How one send ended, after the sender's retries. */
public record SendResult(Status status, Integer messageId, String error) {

    public enum Status {
        SENT,
        /** 403: the user blocked the bot; the subscriber is marked inactive. */
        BLOCKED,
        /** Too old to be worth sending (ALERT_MAX_AGE). */
        EXPIRED,
        FAILED
    }

    public static SendResult sent(int messageId) {
        return new SendResult(Status.SENT, messageId, null);
    }

    public boolean delivered() {
        return status == Status.SENT;
    }
}
