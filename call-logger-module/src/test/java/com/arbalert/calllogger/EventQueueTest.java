package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void producersNeverBlockOrLoseAndEachProducersOrderSurvivesTheOverflow() throws Exception {
        EventQueue queue = new EventQueue(64);
        int producers = 3;
        int perProducer = 200_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long producer = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    queue.offer(new CallEvent.Delivered(producer + 1, i));
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        int[] next = new int[producers];
        long seen = 0;
        boolean sawOverflow = false;
        List<CallEvent> drained = new ArrayList<>();
        while (seen < (long) producers * perProducer) {
            sawOverflow |= queue.inOverflow();
            drained.clear();
            queue.drain(drained::add, 50);
            for (CallEvent e : drained) {
                CallEvent.Delivered d = (CallEvent.Delivered) e;
                int p = (int) d.callId() - 1;
                assertThat(d.delivered()).as("order of producer %d", p).isEqualTo(next[p]);
                next[p]++;
                seen++;
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(sawOverflow).as("the test must exercise the overflow path").isTrue();
    }
}
