package com.arbalert.bot.lifecycle;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every bound {@link Service} in ascending phase (binding order within a phase) and stops
 * the started ones in reverse. A failing start stops what was started before the failure is thrown.
 */
@Singleton
public final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final List<Service> ordered;
    private final Deque<Service> started = new ArrayDeque<>();
    private boolean stopped;

    @Inject
    public Lifecycle(Set<Service> services) {
        List<Service> list = new ArrayList<>(requireNonNull(services, "services"));
        // List.sort is stable, so services of one phase keep their binding order
        list.sort(Comparator.comparingInt(Service::phase));
        this.ordered = List.copyOf(list);
    }

    public List<Service> services() {
        return ordered;
    }

    /** Starts the services up to and including {@code maxPhase}; those already started are skipped. */
    public synchronized void startUpTo(int maxPhase) {
        if (stopped) {
            throw new IllegalStateException("the bot was stopped");
        }
        for (Service service : ordered) {
            if (service.phase() > maxPhase || started.contains(service)) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                service.start();
            } catch (Exception e) {
                log.error("{} failed to start: {}", service.name(), e.getMessage());
                stop();
                throw new ServiceStartException(service.name(), e);
            }
            started.push(service);
            log.info("Started {} (phase {}) in {} ms", service.name(), service.phase(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    public void start() {
        startUpTo(Integer.MAX_VALUE);
    }

    /** Stops started services in reverse order; one that fails to stop does not keep the others running. */
    public synchronized void stop() {
        stopped = true;
        while (!started.isEmpty()) {
            Service service = started.pop();
            try {
                service.stop();
                log.info("Stopped {}", service.name());
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", service.name(), e.toString());
            }
        }
    }

    public synchronized boolean isRunning() {
        return !started.isEmpty();
    }
}
