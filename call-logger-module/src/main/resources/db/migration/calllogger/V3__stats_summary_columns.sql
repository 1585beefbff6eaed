-- The /stats summary (counts, reported profit, CLV) over a period, optionally of one sport.
-- All sports: a covering index led by sent_at, so the default 30 days read only that range of
-- narrow entries (the sport-led indexes of V2 scan every call when no sport is given); it serves
-- calls by hour too. One sport: the sport-led index of V2 also carries the summed columns.
CREATE INDEX idx_calls_time_stats ON arbitrage_calls
    (sent_at, sport, users_notified, users_clicked, profit_actual, clv_a, clv_b);
ALTER TABLE arbitrage_calls
    DROP INDEX idx_calls_sport_stats,
    ADD INDEX idx_calls_sport_stats (sport, sent_at, users_notified, users_clicked, book_a, book_b, roi_percent,
        profit_actual, clv_a, clv_b);
