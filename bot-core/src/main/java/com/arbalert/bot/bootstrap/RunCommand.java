package com.arbalert.bot.bootstrap;

import com.arbalert.bot.core.TelegramConnectionConfig;
import com.arbalert.bot.lifecycle.Lifecycle;
import com.arbalert.bot.lifecycle.ServiceStartException;
import com.google.inject.Injector;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** {@code ./bot run}: starts every service and runs until SIGTERM or SIGINT, then stops them within 10 s. */
public final class RunCommand implements BotCommand {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    /** Leaves a second of the 10 s an orchestrator usually grants before SIGKILL. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(9);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "start the bot (database, migrations, services, HTTP) and run until stopped";
    }

    @Override
    public int run(Launch launch) throws InterruptedException {
        Injector injector = launch.injector();
        if (injector.getInstance(TelegramConnectionConfig.class).getBotToken().isEmpty()) {
            launch.err().println("TELEGRAM_BOT_TOKEN is not set: the bot cannot run without its token (" + Launch.CONFIG_HELP + ")");
            return Launch.CONFIG_ERROR;
        }
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        // The signal is caught rather than left to shutdown hooks: libraries' own hooks (the
        // embedded database's among them) would run in parallel with ours and pull the database
        // away from services still stopping. We stop in order, then exit normally with 0.
        CountDownLatch stopRequested = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), signal -> stopRequested.countDown());
        try {
            lifecycle.start();
        } catch (ServiceStartException e) {
            log.debug("start failed", e);
            launch.err().println(e.getMessage());
            return Launch.FAILED;
        }
        log.info("Bot running with {} service(s); stop it with SIGTERM", lifecycle.services().size());
        stopRequested.await();
        stop(lifecycle);
        return Launch.OK;
    }

    private static void stop(Lifecycle lifecycle) throws InterruptedException {
        log.info("Stopping on signal");
        Thread stopper = new Thread(lifecycle::stop, "stop-services");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(STOP_DEADLINE.toMillis());
        if (stopper.isAlive()) {
            log.warn("Services did not stop within {}s; exiting anyway", STOP_DEADLINE.toSeconds());
        } else {
            log.info("Stopped");
        }
    }
}
