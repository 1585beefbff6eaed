package com.arbalert.calllogger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's context switches as Linux counts them: voluntary when it waited (a lock,
 * I/O, a park, a JVM safepoint), involuntary when the scheduler took its core away; and the JVM's
 * safepoints (HotSpot's counter, every stop of all threads: collections, deoptimization...).
 * Read before and after a timed call, they tell a call that waited from one that was preempted
 * or stopped with every other thread.
 */
final class ThreadSwitches {
    private static final Path STATUS = Path.of("/proc/thread-self/status");

    record Counts(long voluntary, long involuntary, long safepoints) {
    }

    private static final java.util.function.LongSupplier SAFEPOINTS = safepointCounter();

    private ThreadSwitches() {
    }

    /** Linux with /proc, and HotSpot's safepoint counter reachable (the test JVM exports sun.management). */
    static boolean available() {
        return Files.isReadable(STATUS) && SAFEPOINTS != null;
    }

    private static java.util.function.LongSupplier safepointCounter() {
        try {
            Object bean = Class.forName("sun.management.ManagementFactoryHelper")
                    .getMethod("getHotspotRuntimeMBean").invoke(null);
            java.lang.reflect.Method count = Class.forName("sun.management.HotspotRuntimeMBean")
                    .getMethod("getSafepointCount");
            count.invoke(bean);
            return () -> {
                try {
                    return (Long) count.invoke(bean);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static Counts now() {
        try {
            String status = new String(Files.readAllBytes(STATUS), StandardCharsets.US_ASCII);
            return new Counts(field(status, "\nvoluntary_ctxt_switches:"), field(status, "\nnonvoluntary_ctxt_switches:"),
                    SAFEPOINTS.getAsLong());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STATUS, e);
        }
    }

    private static long field(String status, String name) {
        int at = status.indexOf(name);
        if (at < 0) {
            throw new IllegalStateException(name.trim() + " is missing from " + STATUS);
        }
        int from = at + name.length();
        int to = status.indexOf('\n', from);
        return Long.parseLong(status.substring(from, to < 0 ? status.length() : to).trim());
    }
}
