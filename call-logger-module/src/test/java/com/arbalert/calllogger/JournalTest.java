package com.arbalert.calllogger;

import static com.arbalert.calllogger.LoggerFixtures.arbitrage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private static List<CallEvent> batch(int n, long firstId) {
        List<CallEvent> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.add(new CallEvent.Logged(firstId + i, arbitrage("soccer").build()));
            b.add(new CallEvent.Clicked(firstId + i, 7, Instant.parse("2026-03-01T12:00:00Z")));
        }
        return b;
    }

    private List<List<CallEvent>> readAll(Journal journal) throws Exception {
        List<List<CallEvent>> out = new ArrayList<>();
        List<CallEvent> b;
        while ((b = journal.peek()) != null) {
            out.add(b);
            journal.consume();
        }
        return out;
    }

    private Path onlySegment() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
        }
    }

    @Test
    void batchesComeBackInOrderAndAConsumedJournalIsDeleted() throws Exception {
        Journal journal = new Journal(dir, 1 << 20, 1 << 20);
        journal.open();
        assertThat(journal.isEmpty()).isTrue();
        assertThat(journal.append(List.of(batch(3, 100), batch(2, 200)))).isTrue();
        assertThat(journal.append(List.of(batch(1, 300)))).isTrue();
        assertThat(journal.isEmpty()).isFalse();
        assertThat(journal.peek()).isEqualTo(journal.peek()); // peek repeats until consumed
        List<List<CallEvent>> read = readAll(journal);
        assertThat(read).containsExactly(batch(3, 100), batch(2, 200), batch(1, 300));
        assertThat(journal.isEmpty()).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        journal.close();
    }

    @Test
    void aRecordCutShortAtTheTailIsSkippedAndTheRestIsReplayed() throws Exception {
        Journal first = new Journal(dir, 1 << 20, 1 << 20);
        first.open();
        first.append(List.of(batch(3, 100)));
        first.append(List.of(batch(3, 200)));
        first.append(List.of(batch(3, 300)));
        first.close();
        Path segment = onlySegment();
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(f.length() - 10);
        }

        Journal second = new Journal(dir, 1 << 20, 1 << 20);
        second.open();
        assertThat(readAll(second)).containsExactly(batch(3, 100), batch(3, 200));
        assertThat(second.isEmpty()).isTrue();
        second.close();
    }

    @Test
    void aCorruptChecksumEndsTheSegmentWithoutACrash() throws Exception {
        Journal first = new Journal(dir, 1 << 20, 1 << 20);
        first.open();
        first.append(List.of(batch(2, 100)));
        first.append(List.of(batch(2, 200)));
        first.close();
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(size - 5);
            f.write(f.read() ^ 0xFF);
        }
        Journal second = new Journal(dir, 1 << 20, 1 << 20);
        second.open();
        assertThat(readAll(second)).containsExactly(batch(2, 100));
        second.close();
    }

    @Test
    void appendsBeyondTheBudgetAreRefusedAndSegmentsRoll() throws Exception {
        Journal journal = new Journal(dir, 64 * 1024, 4096);
        journal.open();
        int accepted = 0;
        while (journal.append(List.of(batch(10, accepted * 100L)))) {
            accepted++;
        }
        assertThat(accepted).isGreaterThan(3);
        assertThat(journal.totalBytes()).isLessThanOrEqualTo(64 * 1024);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isGreaterThan(1);
        }
        assertThat(readAll(journal)).hasSize(accepted);
        journal.close();
    }
}
