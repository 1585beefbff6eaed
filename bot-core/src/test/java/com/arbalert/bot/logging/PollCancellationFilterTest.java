package com.arbalert.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class PollCancellationFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final PollCancellationFilter filter = new PollCancellationFilter();

    @Test
    void dropsOnlyTheCancelledPollOfTheLibrarysSession() {
        var session = context.getLogger(PollCancellationFilter.BOT_SESSION);
        Exception cancelled = new RuntimeException("Error executing GetUpdates", new IOException("Canceled"));
        assertThat(filter.decide(null, session, Level.ERROR, "Error received", null, cancelled)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, session, Level.WARN, "interrupted", null, new InterruptedException("sleep interrupted")))
                .isEqualTo(FilterReply.DENY);
        // a real polling failure still reaches the log
        assertThat(filter.decide(null, session, Level.ERROR, "Error received", null, new ConnectException("refused")))
                .isEqualTo(FilterReply.NEUTRAL);
        // and so does a cancellation anywhere else
        assertThat(filter.decide(null, context.getLogger("com.arbalert.bot.Other"), Level.ERROR, "x", null, cancelled))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
