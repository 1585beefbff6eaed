package com.arbalert.calllogger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything /stats shows, as GET /v1/stats returns it in JSON.
 *
 * @param logger the logger's health figures ({@link LoggerHealth#asMap()})
 */
public record StatsReport(String period, String sport, Instant from, Instant to, CallAnalytics.Summary summary,
        List<CallAnalytics.SportConversion> bySport, List<CallAnalytics.BookPair> topBookPairs,
        List<CallAnalytics.HourActivity> byHourUtc, List<CallAnalytics.RoiBucket> byRoi, Map<String, Object> logger) {
    public StatsReport {
        bySport = List.copyOf(bySport);
        topBookPairs = List.copyOf(topBookPairs);
        byHourUtc = List.copyOf(byHourUtc);
        byRoi = List.copyOf(byRoi);
    }
}
