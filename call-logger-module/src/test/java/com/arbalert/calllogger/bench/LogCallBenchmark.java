package com.arbalert.calllogger.bench;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import com.arbalert.calllogger.CallLogger;
import com.arbalert.calllogger.CallLoggerConfig;
import com.arbalert.calllogger.QueueDrainer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The producer's cost of logCall and recordClick: validating, building the event and handing it
 * to the queue, while a consumer thread drains the queue as the writer would. The database is
 * not involved (the writer is not started; no connection is ever asked for).
 * {@code queueCapacity} is the logger's default unless given: two producer threads calling as
 * fast as they can (tens of millions of events a second) outrun the consumer and fill a queue of
 * 8,192, so that run measures the overflow path; a queue of 1,048,576 (-p queueCapacity=1048576)
 * measures the ordinary path of two producers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogCallBenchmark {
    private static final AtomicLong IDS = new AtomicLong();
    @Param("8192")
    public int queueCapacity;
    private CallLogger logger;
    private QueueDrainer drainer;
    private Thread drainThread;
    private CallRecord withId;
    private CallRecord withoutId;
    private final Instant at = Instant.parse("2026-03-01T12:00:05Z");

    @Setup(Level.Trial)
    public void start() throws Exception {
        DataSource unused = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("the benchmark never writes");
                });
        logger = new CallLogger(unused, Clock.systemUTC(), new SimpleMeterRegistry(),
                Files.createTempDirectory("bench-logcall"), IDS::incrementAndGet,
                new CallLoggerConfig().setQueueCapacity(queueCapacity));
        CallRecord.Builder b = CallRecord.builder().callType(CallType.ARBITRAGE).sport("basketball").teamA("Lakers")
                .teamB("Celtics").matchDate(Instant.parse("2026-03-01T19:30:00Z")).bookA("DraftKings").bookB("FanDuel")
                .market("Moneyline").oddsFormat(OddsFormat.AMERICAN).oddsA("-110").oddsB("+120").roiPercent(2.5)
                .stakeA("110.00").stakeB("95.00").profitExpected("5.12").sentAt(Instant.parse("2026-03-01T12:00:00Z"));
        withId = b.callId(123_456_789L).build();
        withoutId = b.callId(0).build();
        drainer = new QueueDrainer(logger);
        drainThread = new Thread(drainer, "bench-drainer");
        drainThread.setDaemon(true);
        drainThread.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        drainer.stop();
        drainThread.join();
    }

    /** The bot's case: the call carries the id the I BET button was built with. */
    @Benchmark
    public long logCall() {
        return logger.logCall(withId);
    }

    /** The id comes from the injected CallIds (here a counter). */
    @Benchmark
    public long logCallAssigningId() {
        return logger.logCall(withoutId);
    }

    @Benchmark
    public void recordClick() {
        logger.recordClick(123_456_789L, 42L, at);
    }

    /** Every call timed on its own, at a low rate: a few µs of other work between calls. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long logCallPaced(Pacing pacing) {
        return logger.logCall(withId);
    }

    @State(Scope.Thread)
    public static class Pacing {
        @Setup(Level.Invocation)
        public void pause() {
            Blackhole.consumeCPU(5_000);
        }
    }
}
