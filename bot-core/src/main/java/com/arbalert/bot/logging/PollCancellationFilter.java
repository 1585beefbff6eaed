package com.arbalert.bot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import org.slf4j.Marker;

/**
 * Drops the two stack traces TelegramBots' BotSession logs when the bot stops: the long poll that
 * the poller cancels ("Canceled") and the back-off sleep it interrupts. Every other error of the
 * library's polling is still logged.
 */
public final class PollCancellationFilter extends TurboFilter {
    static final String BOT_SESSION = "org.telegram.telegrambots.longpolling.BotSession";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !BOT_SESSION.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : lastThrowable(params);
        return isCancellation(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isCancellation(Throwable thrown) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException
                    || (c instanceof IOException && ("Canceled".equals(c.getMessage()) || "interrupted".equals(c.getMessage())))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    }
}
