package com.arbalert.bot.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import com.arbalert.bot.core.TelegramConnectionConfig;
import com.arbalert.bot.lifecycle.Lifecycle;
import com.arbalert.bot.lifecycle.ServiceStartException;
import com.google.inject.Injector;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        Thread hook = new Thread(() -> stopOnSignal(lifecycle), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            lifecycle.start();
        } catch (ServiceStartException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            log.debug("start failed", e);
            launch.err().println(e.getMessage());
            return Launch.FAILED;
        }
        log.info("Bot running with {} service(s); stop it with SIGTERM", lifecycle.services().size());
        new CountDownLatch(1).await(); // the shutdown hook ends the process
        return Launch.OK;
    }

    /** Runs in the JVM's shutdown hook; exits 0 because stopping on a signal is the normal end. */
    private static void stopOnSignal(Lifecycle lifecycle) {
        log.info("Stopping on signal");
        Thread stopper = new Thread(lifecycle::stop, "stop-services");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(STOP_DEADLINE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.warn("Services did not stop within {}s; exiting anyway", STOP_DEADLINE.toSeconds());
        } else {
            log.info("Stopped");
        }
        ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
        if (loggers instanceof LoggerContext context) {
            context.stop();
        }
        Runtime.getRuntime().halt(0);
    }
}
