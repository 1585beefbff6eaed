package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic on simulated time, with the delays a busy machine has. */
class SendWindowTest {
    static final long MS = 1_000_000L;

    /**
     * Requests reach the server 0-80 ms after they leave and are answered 1 ms later; the pacing
     * thread wakes up late now and then. Counted where the server counts, no second ever holds
     * more than 30, and the rate stays close to 30/s.
     */
    @Test
    void neverMoreThanTheLimitWhereTheServerCountsWhateverTheDelays() {
        SendWindow window = new SendWindow(30, 1010 * MS, 150 * MS);
        Random random = new Random(42);
        List<Long> arrivals = new ArrayList<>();
        long now = 0;
        while (arrivals.size() < 3000) {
            long at = window.earliest(now);
            now = at + (random.nextInt(5) == 0 ? random.nextInt(40) * MS : 0);
            long ticket = window.record(now);
            long arrival = now + random.nextInt(80) * MS;
            arrivals.add(arrival);
            // answered before the next send is planned: a fast server
            window.answered(ticket, arrival + MS);
        }
        arrivals.sort(null);
        for (int i = 30; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i) - arrivals.get(i - 30)).isGreaterThanOrEqualTo(1000 * MS);
        }
        double rate = (arrivals.size() - 1) / ((arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9);
        assertThat(rate).isGreaterThan(28.0);
    }

    @Test
    void sendsAreEvenlySpacedWhenOnTime() {
        SendWindow window = new SendWindow(30, 1050 * MS, 500 * MS);
        long now = 0;
        for (int i = 0; i < 10; i++) {
            now = window.earliest(now);
            window.answered(window.record(now), now + MS);
        }
        assertThat(window.earliest(now) - now).isEqualTo(35 * MS);
    }

    @Test
    void anUnansweredRequestHoldsItsPlaceUntilItCannotBeOnItsWayAnyMore() {
        SendWindow window = new SendWindow(1, 1000 * MS, 500 * MS);
        long ticket = window.record(0);
        assertThat(window.earliest(0)).isEqualTo(1500 * MS);
        window.left(ticket, 10 * MS);
        assertThat(window.earliest(0)).isEqualTo(1510 * MS);
        window.answered(ticket, 30 * MS);
        assertThat(window.earliest(0)).isEqualTo(1030 * MS);
    }
}
