package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a plugin's hook so that nothing it does can break the flow that called it: an exception
 * is logged and counted ({@code bot.hook.failures}), a slow call is logged and counted
 * ({@code bot.hook.slow}). Flows answer the user before calling hooks.
 */
public final class HookCalls {
    private static final Logger log = LoggerFactory.getLogger(HookCalls.class);
    static final Duration SLOW = Duration.ofMillis(200);

    private final MeterRegistry meters;

    @Inject
    public HookCalls(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    /** @return true when the hook returned normally */
    public boolean call(String point, Object hook, Runnable call) {
        String name = hook.getClass().getName();
        long started = System.nanoTime();
        try {
            call.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.error("Hook {} failed at {}; the flow goes on", name, point, e);
            counter("bot.hook.failures", point, name).increment();
            return false;
        } finally {
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            if (tookMillis > SLOW.toMillis()) {
                log.warn("Hook {} took {} ms at {}; hooks must hand work off and return", name, tookMillis, point);
                counter("bot.hook.slow", point, name).increment();
            }
        }
    }

    private Counter counter(String meter, String point, String hook) {
        return Counter.builder(meter).tag("point", point).tag("hook", hook).register(meters);
    }
}
