package com.arbalert.bot.spi;

/** A status and a body that the core serialises as JSON (a Map, a record, a List...). */
public record HttpReply(int status, Object body) {
    public static HttpReply ok(Object body) {
        return new HttpReply(200, body);
    }
}
