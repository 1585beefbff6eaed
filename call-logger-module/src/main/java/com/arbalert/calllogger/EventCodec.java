package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import com.arbalert.bot.spi.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The journal's binary form of a batch of events. */
final class EventCodec {
    private static final byte LOGGED = 1;
    private static final byte DELIVERED = 2;
    private static final byte CLICKED = 3;
    private static final byte REPORTED = 4;
    private static final byte CLOSING = 5;

    private EventCodec() {
    }

    static byte[] encode(List<CallEvent> batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(batch.size());
            for (CallEvent e : batch) {
                write(out, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<CallEvent> decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int n = in.readInt();
        if (n < 0 || n > payload.length) {
            throw new IOException("bad event count " + n);
        }
        List<CallEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(read(in));
        }
        return events;
    }

    private static void write(DataOutputStream out, CallEvent e) throws IOException {
        if (e instanceof CallEvent.Logged l) {
            CallRecord c = l.call();
            out.writeByte(LOGGED);
            out.writeLong(l.callId());
            out.writeLong(c.callId());
            out.writeUTF(c.callType().code());
            out.writeUTF(c.sport());
            out.writeUTF(c.teamA());
            out.writeUTF(c.teamB());
            instant(out, c.matchDate());
            out.writeUTF(c.bookA());
            nullableString(out, c.bookB());
            out.writeUTF(c.market());
            out.writeUTF(c.oddsFormat().name());
            decimal(out, c.oddsA());
            decimal(out, c.oddsB());
            decimal(out, c.roiPercent());
            decimal(out, c.stakeA());
            decimal(out, c.stakeB());
            decimal(out, c.profitExpected());
            instant(out, c.sentAt());
            out.writeInt(c.usersNotified());
        } else if (e instanceof CallEvent.Delivered d) {
            out.writeByte(DELIVERED);
            out.writeLong(d.callId());
            out.writeInt(d.delivered());
        } else if (e instanceof CallEvent.Clicked k) {
            out.writeByte(CLICKED);
            out.writeLong(k.callId());
            out.writeLong(k.userId());
            instant(out, k.at());
        } else if (e instanceof CallEvent.Reported r) {
            out.writeByte(REPORTED);
            out.writeLong(r.callId());
            out.writeLong(r.userId());
            out.writeUTF(r.outcome().code());
            decimal(out, r.profit());
            instant(out, r.at());
            out.writeBoolean(r.checked());
        } else if (e instanceof CallEvent.ClosingOdds o) {
            out.writeByte(CLOSING);
            out.writeLong(o.callId());
            decimal(out, o.closingA());
            decimal(out, o.closingB());
        }
    }

    private static CallEvent read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case LOGGED: {
                long id = in.readLong();
                CallRecord call = new CallRecord(in.readLong(), CallType.fromCode(in.readUTF()), in.readUTF(), in.readUTF(),
                        in.readUTF(), readInstant(in), in.readUTF(), readNullableString(in), in.readUTF(),
                        OddsFormat.valueOf(in.readUTF()), readDecimal(in), readDecimal(in), readDecimal(in),
                        readDecimal(in), readDecimal(in), readDecimal(in), readInstant(in), in.readInt());
                return new CallEvent.Logged(id, call);
            }
            case DELIVERED:
                return new CallEvent.Delivered(in.readLong(), in.readInt());
            case CLICKED:
                return new CallEvent.Clicked(in.readLong(), in.readLong(), readInstant(in));
            case REPORTED:
                return new CallEvent.Reported(in.readLong(), in.readLong(), Outcome.fromCode(in.readUTF()),
                        readDecimal(in), readInstant(in), in.readBoolean());
            case CLOSING:
                return new CallEvent.ClosingOdds(in.readLong(), readDecimal(in), readDecimal(in));
            default:
                throw new IOException("unknown event tag " + tag);
        }
    }

    private static void instant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void decimal(DataOutputStream out, BigDecimal v) throws IOException {
        nullableString(out, v == null ? null : v.toString());
    }

    private static BigDecimal readDecimal(DataInputStream in) throws IOException {
        String s = readNullableString(in);
        return s == null ? null : new BigDecimal(s);
    }

    private static void nullableString(DataOutputStream out, String v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeUTF(v);
        }
    }

    private static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
