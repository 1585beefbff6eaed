package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic on simulated time, with the late wake-ups a busy machine has. */
class SendWindowTest {
    static final long MS = 1_000_000L;

    @Test
    void neverMoreThanTheLimitInAnyWindowAndNoCapacityLostToLateWakeUps() {
        SendWindow window = new SendWindow(30, 1050 * MS);
        Random random = new Random(42);
        List<Long> sends = new ArrayList<>();
        long now = 0;
        while (sends.size() < 3000) {
            long at = window.earliest(now);
            // the thread wakes up to 40 ms late, one time in five
            now = at + (random.nextInt(5) == 0 ? random.nextInt(40) * MS : 0);
            window.record(now);
            sends.add(now);
        }
        for (int i = 30; i < sends.size(); i++) {
            assertThat(sends.get(i) - sends.get(i - 30)).isGreaterThanOrEqualTo(1050 * MS);
        }
        double rate = (sends.size() - 1) / ((sends.get(sends.size() - 1) - sends.get(0)) / 1e9);
        assertThat(rate).isBetween(30 / 1.05 * 0.99, 30 / 1.05 * 1.01);
    }

    @Test
    void sendsAreEvenlySpacedWhenOnTime() {
        SendWindow window = new SendWindow(30, 1050 * MS);
        long now = 0;
        for (int i = 0; i < 10; i++) {
            now = window.earliest(now);
            window.record(now);
        }
        // the first few go at once (nothing to catch up on but the schedule starts in the past)
        long next = window.earliest(now);
        assertThat(next - now).isEqualTo(35 * MS);
    }

    @Test
    void aSendThatLeftLateCountsFromWhenItLeft() {
        SendWindow window = new SendWindow(2, 1000 * MS);
        window.record(0);
        window.record(500 * MS);
        window.correctLast(650 * MS);
        assertThat(window.earliest(1000 * MS)).isEqualTo(1000 * MS);
        window.record(1000 * MS);
        assertThat(window.earliest(1100 * MS)).isEqualTo(1650 * MS);
    }
}
