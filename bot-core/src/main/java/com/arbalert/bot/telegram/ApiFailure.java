package com.arbalert.bot.telegram;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What a failed Bot API call means for the sender: wait, retry, give up, or stop writing to a chat. */
record ApiFailure(Kind kind, int retryAfterSeconds, String description) {

    enum Kind {
        /** 429: every send waits {@code retryAfterSeconds}. */
        TOO_MANY_REQUESTS,
        /** 403: the user blocked the bot (or deleted their account). */
        BLOCKED,
        /** 5xx, timeout, I/O, or a body that is not a Bot API answer: worth another try. */
        TRANSIENT,
        /** 400 and the like: the same request would fail again. */
        PERMANENT
    }

    static ApiFailure of(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            int code = r.getErrorCode();
            String description = "[" + code + "] " + r.getApiResponse();
            if (code == 429) {
                Integer retry = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                return new ApiFailure(Kind.TOO_MANY_REQUESTS, retry == null ? 1 : Math.max(1, retry), description);
            }
            if (code == 403) {
                return new ApiFailure(Kind.BLOCKED, 0, description);
            }
            return new ApiFailure(code >= 500 ? Kind.TRANSIENT : Kind.PERMANENT, 0, description);
        }
        if (e instanceof TimeoutException) {
            return new ApiFailure(Kind.TRANSIENT, 0, "timed out");
        }
        if (e instanceof IOException || e instanceof TelegramApiException) {
            // includes a 200 whose body is not a Bot API response (a proxy's HTML page)
            return new ApiFailure(Kind.TRANSIENT, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new ApiFailure(Kind.PERMANENT, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
