package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.db.UtcTime;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The original's four analysis queries on the call log, for a period and optionally one sport.
 * Conversion is clicked / notified in percent, null when nobody was notified.
 */
public final class CallAnalytics {
    private static final String CONVERSION =
            "ROUND(100 * SUM(users_clicked) / NULLIF(SUM(users_notified), 0), 2)";
    private static final String PERIOD = " FROM arbitrage_calls WHERE sent_at >= ? AND sent_at < ?";
    private static final String SPORT = " AND sport = ?";
    private static final String[] BUCKETS = {"<1%", "1-2%", "2-3%", "3-5%", ">=5%"};
    private static final String[] BUCKET_RANGES = {"roi_percent < 1", "roi_percent >= 1 AND roi_percent < 2",
            "roi_percent >= 2 AND roi_percent < 3", "roi_percent >= 3 AND roi_percent < 5", "roi_percent >= 5"};

    private static final String SUMMARY = "SELECT COUNT(*), COALESCE(SUM(users_notified), 0),"
            + " COALESCE(SUM(users_clicked), 0), " + CONVERSION + ", COUNT(profit_actual), SUM(profit_actual),"
            + " COUNT(clv_a), ROUND(100 * (COALESCE(SUM(clv_a), 0) + COALESCE(SUM(clv_b), 0))"
            + " / NULLIF(COUNT(clv_a) + COUNT(clv_b), 0), 2)";

    private final DataSource dataSource;

    /**
     * The period's totals. {@code clicked} counts each user once per call (users_clicked summed);
     * {@code reportedProfit} sums the calls' reported profits (null when none was reported);
     * {@code clvPercent} averages the closing-line value of every leg with closing odds.
     */
    public record Summary(long calls, long notified, long clicked, BigDecimal conversionPercent, long callsWithResult,
            BigDecimal reportedProfit, long callsWithClv, BigDecimal clvPercent) {
    }

    public record SportConversion(String sport, long calls, long notified, long clicked, BigDecimal conversionPercent) {
    }

    public record BookPair(String bookA, String bookB, long calls, BigDecimal averageRoiPercent,
            BigDecimal conversionPercent) {
    }

    public record HourActivity(int hourUtc, long calls, long clicks) {
    }

    /** {@code bucket} is one of {@code <1%}, {@code 1-2%}, {@code 2-3%}, {@code 3-5%}, {@code >=5%}. */
    public record RoiBucket(String bucket, long calls, long notified, long clicked, BigDecimal conversionPercent) {
    }

    @Inject
    public CallAnalytics(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    public Summary summary(StatsPeriod period) throws SQLException {
        return query(SUMMARY + where(period), period, List.of(), rs -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getBigDecimal(4), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8))).get(0);
    }

    public List<SportConversion> conversionBySport(StatsPeriod period) throws SQLException {
        String sql = "SELECT sport, COUNT(*), SUM(users_notified), SUM(users_clicked), " + CONVERSION + where(period)
                + " GROUP BY sport ORDER BY COUNT(*) DESC, sport";
        return query(sql, period, List.of(), rs -> new SportConversion(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)));
    }

    /** The bookmaker pairs with at least {@code minCalls} calls, best conversion first. */
    public List<BookPair> bestBookPairs(StatsPeriod period, int minCalls, int limit) throws SQLException {
        String sql = "SELECT book_a, book_b, COUNT(*), ROUND(AVG(roi_percent), 4), " + CONVERSION + where(period)
                + " GROUP BY book_a, book_b HAVING COUNT(*) >= ? ORDER BY 5 DESC, 3 DESC, book_a, book_b LIMIT ?";
        return query(sql, period, List.of(minCalls, limit), rs -> new BookPair(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
    }

    public List<HourActivity> callsByHour(StatsPeriod period) throws SQLException {
        String sql = "SELECT HOUR(sent_at), COUNT(*), SUM(users_clicked)" + where(period)
                + " GROUP BY HOUR(sent_at) ORDER BY 1";
        return query(sql, period, List.of(), rs -> new HourActivity(rs.getInt(1), rs.getLong(2), rs.getLong(3)));
    }

    /**
     * Buckets without calls are left out. Each bucket is one range of the ROI index, summed
     * without a temporary table, the five joined by UNION ALL.
     */
    public List<RoiBucket> conversionByRoi(StatsPeriod period) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < BUCKETS.length; i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", COUNT(*),")
                    .append(" COALESCE(SUM(users_notified), 0), COALESCE(SUM(users_clicked), 0)").append(where(period))
                    .append(" AND ").append(BUCKET_RANGES[i]);
        }
        sql.append(" ORDER BY 1");
        List<RoiBucket> buckets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int next = 1;
            for (int i = 0; i < BUCKETS.length; i++) {
                next = bindPeriod(ps, next, period);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long calls = rs.getLong(2);
                    if (calls > 0) {
                        long notified = rs.getLong(3);
                        long clicked = rs.getLong(4);
                        buckets.add(new RoiBucket(BUCKETS[rs.getInt(1)], calls, notified, clicked,
                                percent(clicked, notified)));
                    }
                }
            }
        }
        return buckets;
    }

    /** As MariaDB's ROUND(100 * clicked / notified, 2) on exact numbers: half away from zero. */
    private static BigDecimal percent(long clicked, long notified) {
        return notified == 0 ? null : BigDecimal.valueOf(100 * clicked)
                .divide(BigDecimal.valueOf(notified), 2, java.math.RoundingMode.HALF_UP);
    }

    private static int bindPeriod(PreparedStatement ps, int first, StatsPeriod period) throws SQLException {
        int next = first;
        ps.setObject(next++, UtcTime.of(period.from()));
        ps.setObject(next++, UtcTime.of(period.to()));
        if (period.sport() != null) {
            ps.setString(next++, period.sport());
        }
        return next;
    }

    private static String where(StatsPeriod period) {
        return period.sport() == null ? PERIOD : PERIOD + SPORT;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, StatsPeriod period, List<Integer> extra, Row<T> row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = bindPeriod(ps, 1, period);
            for (Integer value : extra) {
                ps.setInt(next++, value);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        }
    }
}
