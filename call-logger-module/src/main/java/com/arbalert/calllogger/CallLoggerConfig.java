package com.arbalert.calllogger;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import com.arbalert.bot.config.DataSize;
import java.time.Duration;

/** Every tunable of the call logger; defaults live in the fields. */
public class CallLoggerConfig {
    private int queueCapacity = 8192;
    private int batchSize = 500;
    private int batchMax = 1000;
    private Duration flushInterval = Duration.ofMillis(250);
    private Duration stopDeadline = Duration.ofSeconds(5);
    private DataSize journalBudget = DataSize.ofMebibytes(1024);
    private DataSize journalSegment = DataSize.ofMebibytes(64);
    private Duration outageBeforeJournal = Duration.ofSeconds(3);
    private Duration retryBackoffMin = Duration.ofMillis(50);
    private Duration retryBackoffMax = Duration.ofSeconds(5);
    private int retentionDays = 365;
    private int retentionChunk = 1000;
    private int recentCalls = 65536;
    private Duration alertOutage = Duration.ofMinutes(2);
    private Duration alertRepeat = Duration.ofMinutes(10);
    private Duration healthCheckInterval = Duration.ofSeconds(5);
    private Duration deriveInterval = Duration.ofSeconds(1);

    public int getQueueCapacity() {
        return queueCapacity;
    }

    @Config("CALL_LOGGER_QUEUE_CAPACITY")
    @ConfigDescription("Events the in-memory queue holds before new ones go to the overflow list and the journal")
    public CallLoggerConfig setQueueCapacity(int v) {
        this.queueCapacity = atLeast("CALL_LOGGER_QUEUE_CAPACITY", v, 16);
        return this;
    }

    public int getBatchSize() {
        return batchSize;
    }

    @Config("CALL_LOGGER_BATCH_SIZE")
    @ConfigDescription("Events written to the database in one transaction")
    public CallLoggerConfig setBatchSize(int v) {
        this.batchSize = atLeast("CALL_LOGGER_BATCH_SIZE", v, 1);
        return this;
    }

    /** Never below the batch size. */
    public int getBatchMax() {
        return Math.max(batchMax, batchSize);
    }

    @Config("CALL_LOGGER_BATCH_MAX")
    @ConfigDescription("Most events one transaction takes when more than a batch is already waiting"
            + " (never fewer than CALL_LOGGER_BATCH_SIZE)")
    public CallLoggerConfig setBatchMax(int v) {
        this.batchMax = atLeast("CALL_LOGGER_BATCH_MAX", v, 1);
        return this;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    @Config("CALL_LOGGER_FLUSH_INTERVAL")
    @ConfigDescription("Longest time an accepted event waits before its batch is written")
    public CallLoggerConfig setFlushInterval(Duration v) {
        this.flushInterval = positive("CALL_LOGGER_FLUSH_INTERVAL", v);
        return this;
    }

    public Duration getStopDeadline() {
        return stopDeadline;
    }

    @Config("CALL_LOGGER_STOP_DEADLINE")
    @ConfigDescription("Time given at shutdown to write the queue to the database; the rest goes to the journal")
    public CallLoggerConfig setStopDeadline(Duration v) {
        this.stopDeadline = positive("CALL_LOGGER_STOP_DEADLINE", v);
        return this;
    }

    public DataSize getJournalBudget() {
        return journalBudget;
    }

    @Config("CALL_LOGGER_JOURNAL_BUDGET")
    @ConfigDescription("Disk the journal may use (e.g. 1GiB, 512MiB); events beyond it are dropped and counted")
    public CallLoggerConfig setJournalBudget(DataSize v) {
        this.journalBudget = atLeast("CALL_LOGGER_JOURNAL_BUDGET", v, DataSize.ofMebibytes(1));
        return this;
    }

    public DataSize getJournalSegment() {
        return journalSegment;
    }

    @Config("CALL_LOGGER_JOURNAL_SEGMENT")
    @ConfigDescription("Size at which the journal starts a new segment file (e.g. 64MiB)")
    public CallLoggerConfig setJournalSegment(DataSize v) {
        this.journalSegment = atLeast("CALL_LOGGER_JOURNAL_SEGMENT", v, DataSize.ofKibibytes(4));
        return this;
    }

    public Duration getOutageBeforeJournal() {
        return outageBeforeJournal;
    }

    @Config("CALL_LOGGER_OUTAGE_BEFORE_JOURNAL")
    @ConfigDescription("How long the database may fail before batches go to the on-disk journal")
    public CallLoggerConfig setOutageBeforeJournal(Duration v) {
        this.outageBeforeJournal = positive("CALL_LOGGER_OUTAGE_BEFORE_JOURNAL", v);
        return this;
    }

    public Duration getRetryBackoffMin() {
        return retryBackoffMin;
    }

    @Config("CALL_LOGGER_RETRY_BACKOFF_MIN")
    @ConfigDescription("First pause after a failed database write; doubled (with jitter) up to the maximum")
    public CallLoggerConfig setRetryBackoffMin(Duration v) {
        this.retryBackoffMin = positive("CALL_LOGGER_RETRY_BACKOFF_MIN", v);
        return this;
    }

    public Duration getRetryBackoffMax() {
        return retryBackoffMax;
    }

    @Config("CALL_LOGGER_RETRY_BACKOFF_MAX")
    @ConfigDescription("Longest pause between database retries")
    public CallLoggerConfig setRetryBackoffMax(Duration v) {
        this.retryBackoffMax = positive("CALL_LOGGER_RETRY_BACKOFF_MAX", v);
        return this;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    @Config("RETENTION_DAYS")
    @ConfigDescription("Calls older than this many days are deleted once a day")
    public CallLoggerConfig setRetentionDays(int v) {
        this.retentionDays = atLeast("RETENTION_DAYS", v, 1);
        return this;
    }

    public int getRetentionChunk() {
        return retentionChunk;
    }

    @Config("CALL_LOGGER_RETENTION_CHUNK")
    @ConfigDescription("Calls deleted per statement by retention, so no delete holds locks for long")
    public CallLoggerConfig setRetentionChunk(int v) {
        this.retentionChunk = atLeast("CALL_LOGGER_RETENTION_CHUNK", v, 1);
        return this;
    }

    public int getRecentCalls() {
        return recentCalls;
    }

    @Config("CALL_LOGGER_RECENT_CALLS")
    @ConfigDescription("Recent calls kept in memory to check reported profits and closing odds at the call")
    public CallLoggerConfig setRecentCalls(int v) {
        this.recentCalls = atLeast("CALL_LOGGER_RECENT_CALLS", v, 16);
        return this;
    }

    public Duration getAlertOutage() {
        return alertOutage;
    }

    @Config("CALL_LOGGER_ALERT_OUTAGE")
    @ConfigDescription("How long events may wait for the database before the admins are told it is unreachable")
    public CallLoggerConfig setAlertOutage(Duration v) {
        this.alertOutage = positive("CALL_LOGGER_ALERT_OUTAGE", v);
        return this;
    }

    public Duration getAlertRepeat() {
        return alertRepeat;
    }

    @Config("CALL_LOGGER_ALERT_REPEAT")
    @ConfigDescription("At most one admin message per logger health condition within this time")
    public CallLoggerConfig setAlertRepeat(Duration v) {
        this.alertRepeat = positive("CALL_LOGGER_ALERT_REPEAT", v);
        return this;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    @Config("CALL_LOGGER_HEALTH_CHECK_INTERVAL")
    @ConfigDescription("How often the logger's health is checked for admin alerts")
    public CallLoggerConfig setHealthCheckInterval(Duration v) {
        this.healthCheckInterval = positive("CALL_LOGGER_HEALTH_CHECK_INTERVAL", v);
        return this;
    }

    public Duration getDeriveInterval() {
        return deriveInterval;
    }

    @Config("CALL_LOGGER_DERIVE_INTERVAL")
    @ConfigDescription("How often clicks and answers for calls written in earlier batches are folded into their rows")
    public CallLoggerConfig setDeriveInterval(Duration v) {
        this.deriveInterval = positive("CALL_LOGGER_DERIVE_INTERVAL", v);
        return this;
    }

    private static int atLeast(String key, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    private static DataSize atLeast(String key, DataSize v, DataSize min) {
        if (v == null || v.bytes() < min.bytes()) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    private static Duration positive(String key, Duration v) {
        if (v == null || v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + v);
        }
        return v;
    }
}
