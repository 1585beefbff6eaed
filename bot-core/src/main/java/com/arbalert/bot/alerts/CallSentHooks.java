package com.arbalert.bot.alerts;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallSentHook;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every bound {@link CallSentHook}. Hooks are cheap by contract; one that throws is logged
 * and counted ({@code call_sent_hook.failures}, tagged with its class) and never stops delivery.
 */
@Singleton
public final class CallSentHooks {
    private static final Logger log = LoggerFactory.getLogger(CallSentHooks.class);

    private final List<CallSentHook> hooks;
    private final MeterRegistry meters;

    @Inject
    public CallSentHooks(Set<CallSentHook> hooks, MeterRegistry meters) {
        this.hooks = List.copyOf(hooks);
        this.meters = meters;
    }

    public void planned(CallRecord call, int recipients) {
        for (CallSentHook hook : hooks) {
            try {
                hook.broadcastPlanned(call, recipients);
            } catch (RuntimeException | Error e) {
                failed(hook, call.callId(), e);
            }
        }
    }

    public void finished(long callId, int delivered) {
        for (CallSentHook hook : hooks) {
            try {
                hook.broadcastFinished(callId, delivered);
            } catch (RuntimeException | Error e) {
                failed(hook, callId, e);
            }
        }
    }

    private void failed(CallSentHook hook, long callId, Throwable e) {
        meters.counter("call_sent_hook.failures", "hook", hook.getClass().getName()).increment();
        log.error("CallSentHook {} failed for call {}", hook.getClass().getName(), callId, e);
    }
}
