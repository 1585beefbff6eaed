-- /stats also sums reported profits and averages CLV over the period: the covering index gets
-- those columns too, so the summary reads the narrow index like the four analyses do.
ALTER TABLE arbitrage_calls
    DROP INDEX idx_calls_stats,
    ADD INDEX idx_calls_stats (sent_at, sport, book_a, book_b, roi_percent, users_notified, users_clicked,
        profit_actual, clv_a, clv_b);
