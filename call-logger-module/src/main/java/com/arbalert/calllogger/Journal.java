package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk journal: append-only segment files of records {@code [length][CRC32C][payload]},
 * one record per batch, one fsync per append. Read back in order; a record is consumed only
 * once the caller says it is in the database, and a fully consumed segment is deleted. A torn
 * or corrupt record (a crash mid-write) ends its segment: the rest of it is skipped with a WARN.
 * Used by the writer thread only.
 */
final class Journal implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 256 << 20;

    private final Path dir;
    private final long budgetBytes;
    private final long segmentBytes;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private long totalBytes;
    private long nextSeq;
    private Segment active;
    private FileChannel appendChannel;
    private FileChannel readChannel;
    private Segment readSegment;
    private long readOffset;
    private long peekedEnd = -1;

    private static final class Segment {
        final Path path;
        long size;

        Segment(Path path, long size) {
            this.path = path;
            this.size = size;
        }
    }

    Journal(Path dir, long budgetBytes, long segmentBytes) {
        this.dir = requireNonNull(dir, "dir");
        this.budgetBytes = budgetBytes;
        this.segmentBytes = segmentBytes;
    }

    /** Finds what a previous run left; new records always go to a new segment. */
    void open() throws IOException {
        Files.createDirectories(dir);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().forEach(found::add);
        }
        for (Path p : found) {
            long size = Files.size(p);
            segments.addLast(new Segment(p, size));
            totalBytes += size;
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (m.matches()) {
                nextSeq = Math.max(nextSeq, Long.parseLong(m.group(1)) + 1);
            }
        }
        if (!found.isEmpty()) {
            log.info("Call log journal holds {} segment(s), {} bytes, from a previous run; replaying them first",
                    found.size(), totalBytes);
        }
    }

    /**
     * Appends each batch as one record and syncs once.
     *
     * @return false, with nothing written, when the records would exceed the disk budget
     */
    boolean append(List<List<CallEvent>> batches) throws IOException {
        List<ByteBuffer> records = new ArrayList<>(batches.size());
        long size = 0;
        for (List<CallEvent> batch : batches) {
            byte[] payload = EventCodec.encode(batch);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
            record.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
            records.add(record);
            size += record.remaining();
        }
        if (totalBytes + size > budgetBytes) {
            return false;
        }
        if (active == null || active.size >= segmentBytes) {
            startSegment();
        }
        for (ByteBuffer record : records) {
            while (record.hasRemaining()) {
                appendChannel.write(record);
            }
        }
        appendChannel.force(false);
        active.size += size;
        totalBytes += size;
        return true;
    }

    /** The oldest batch not yet consumed, or null when the journal is empty. Repeats until {@link #consume()}. */
    List<CallEvent> peek() throws IOException {
        while (true) {
            Segment seg = segments.peekFirst();
            if (seg == null) {
                return null;
            }
            if (readSegment != seg) {
                closeReader();
                readSegment = seg;
                readOffset = 0;
                readChannel = FileChannel.open(seg.path, StandardOpenOption.READ);
            }
            long remaining = seg.size - readOffset;
            if (remaining <= 0) {
                if (seg == active) {
                    return null;
                }
                dropFront();
                continue;
            }
            List<CallEvent> batch = readRecord(seg, remaining);
            if (batch != null) {
                return batch;
            }
            // the rest of this segment is unreadable: skip it
            readOffset = seg.size;
        }
    }

    /** Marks the batch returned by {@link #peek()} as written to the database. */
    void consume() throws IOException {
        if (peekedEnd < 0) {
            return;
        }
        readOffset = peekedEnd;
        peekedEnd = -1;
        Segment seg = segments.peekFirst();
        if (seg != null && readOffset >= seg.size && (seg != active || segments.size() == 1)) {
            if (seg == active) {
                appendChannel.close();
                appendChannel = null;
                active = null;
            }
            dropFront();
        }
    }

    boolean isEmpty() {
        Segment seg = segments.peekFirst();
        return seg == null || (segments.size() == 1 && readSegment == seg && readOffset >= seg.size);
    }

    /** Bytes on disk not yet consumed, roughly: whole segments count until they are deleted. */
    long backlogBytes() {
        return isEmpty() ? 0 : totalBytes - (readSegment == segments.peekFirst() ? readOffset : 0);
    }

    long totalBytes() {
        return totalBytes;
    }

    private List<CallEvent> readRecord(Segment seg, long remaining) throws IOException {
        if (remaining < HEADER) {
            warnCorrupt(seg, "a record header cut short");
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(header, readOffset);
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length <= 0 || length > MAX_RECORD || length > remaining - HEADER) {
            warnCorrupt(seg, "a record cut short or a bad length " + length);
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, readOffset + HEADER);
        CRC32C check = new CRC32C();
        check.update(payload.array());
        if ((int) check.getValue() != crc) {
            warnCorrupt(seg, "a checksum mismatch");
            return null;
        }
        try {
            List<CallEvent> batch = EventCodec.decode(payload.array());
            peekedEnd = readOffset + HEADER + length;
            return batch;
        } catch (IOException | RuntimeException e) {
            warnCorrupt(seg, "an undecodable record (" + e.getMessage() + ")");
            return null;
        }
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = readChannel.read(buffer, at);
            if (n < 0) {
                throw new IOException("journal segment ended early");
            }
            at += n;
        }
    }

    private void warnCorrupt(Segment seg, String what) {
        log.warn("Call log journal {}: {} at byte {}; skipping the remaining {} bytes of this segment",
                seg.path.getFileName(), what, readOffset, seg.size - readOffset);
    }

    private void startSegment() throws IOException {
        if (appendChannel != null) {
            appendChannel.close();
        }
        Path path = dir.resolve(String.format("segment-%020d.log", nextSeq++));
        appendChannel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        active = new Segment(path, 0);
        segments.addLast(active);
    }

    private void dropFront() throws IOException {
        Segment seg = segments.pollFirst();
        closeReader();
        readSegment = null;
        readOffset = 0;
        peekedEnd = -1;
        if (seg != null) {
            totalBytes -= seg.size;
            Files.deleteIfExists(seg.path);
        }
    }

    private void closeReader() throws IOException {
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeReader();
        if (appendChannel != null) {
            appendChannel.close();
            appendChannel = null;
        }
    }
}
