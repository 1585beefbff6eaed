package com.arbalert.calllogger;

/** The logger's figures now; the alerts read them through this so a test can script them. */
public interface LoggerHealthSource {
    LoggerHealth health();
}
