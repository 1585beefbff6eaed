package com.arbalert.bot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.spi.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final List<String> events = new ArrayList<>();

    private Service service(String name, int phase, boolean failStart) {
        return new Service() {
            @Override
            public int phase() {
                return phase;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                events.add("start " + name);
                if (failStart) {
                    throw new IllegalStateException("port in use");
                }
            }

            @Override
            public void stop() {
                events.add("stop " + name);
            }
        };
    }

    @Test
    void startsByPhaseThenBindingOrderAndStopsInReverse() {
        Set<Service> bound = new LinkedHashSet<>(List.of(
                service("http", Service.PHASE_INGRESS, false),
                service("pool", Service.PHASE_DATABASE, false),
                service("logger", Service.PHASE_PLUGIN, false),
                service("migrations", Service.PHASE_SCHEMA, false),
                service("ids", Service.PHASE_SCHEMA, false)));
        Lifecycle lifecycle = new Lifecycle(bound);
        lifecycle.start();
        assertThat(lifecycle.isRunning()).isTrue();
        lifecycle.stop();
        assertThat(events).containsExactly(
                "start pool", "start migrations", "start ids", "start logger", "start http",
                "stop http", "stop logger", "stop ids", "stop migrations", "stop pool");
        assertThat(lifecycle.isRunning()).isFalse();
        lifecycle.stop();
        assertThat(events).hasSize(10);
    }

    @Test
    void aFailingStartStopsWhatWasStartedInReverse() {
        Lifecycle lifecycle = new Lifecycle(new LinkedHashSet<>(List.of(
                service("pool", Service.PHASE_DATABASE, false),
                service("migrations", Service.PHASE_SCHEMA, false),
                service("http", Service.PHASE_INGRESS, true),
                service("logger", Service.PHASE_PLUGIN, false))));
        assertThatThrownBy(lifecycle::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessage("http failed to start: port in use");
        assertThat(events).containsExactly(
                "start pool", "start migrations", "start logger", "start http",
                "stop logger", "stop migrations", "stop pool");
        assertThatThrownBy(lifecycle::start).hasMessageContaining("stopped");
    }

    @Test
    void startUpToLeavesLaterPhasesAlone() {
        Lifecycle lifecycle = new Lifecycle(new LinkedHashSet<>(List.of(
                service("pool", Service.PHASE_DATABASE, false),
                service("http", Service.PHASE_INGRESS, false))));
        lifecycle.startUpTo(Service.PHASE_DATABASE);
        lifecycle.stop();
        assertThat(events).containsExactly("start pool", "stop pool");
    }
}
