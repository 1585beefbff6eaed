-- /stats also sums reported profits and averages CLV over the period: the sport-led covering
-- index gets those columns too, so the summary reads narrow index entries like the analyses do.
ALTER TABLE arbitrage_calls
    DROP INDEX idx_calls_sport_stats,
    ADD INDEX idx_calls_sport_stats (sport, sent_at, users_notified, users_clicked, book_a, book_b, roi_percent,
        profit_actual, clv_a, clv_b);
