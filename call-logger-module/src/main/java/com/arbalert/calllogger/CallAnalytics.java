package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

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
    private static final String WHERE = " FROM arbitrage_calls WHERE sent_at >= ? AND sent_at < ?"
            + " AND (? IS NULL OR sport = ?)";
    private static final String BY_SPORT = "SELECT sport, COUNT(*), SUM(users_notified), SUM(users_clicked), "
            + CONVERSION + WHERE + " GROUP BY sport ORDER BY COUNT(*) DESC, sport";
    private static final String BY_BOOKS = "SELECT book_a, book_b, COUNT(*), ROUND(AVG(roi_percent), 4), "
            + CONVERSION + WHERE + " GROUP BY book_a, book_b HAVING COUNT(*) >= ?"
            + " ORDER BY 5 DESC, 3 DESC, book_a, book_b LIMIT ?";
    private static final String BY_HOUR = "SELECT HOUR(sent_at), COUNT(*), SUM(users_clicked)" + WHERE
            + " GROUP BY HOUR(sent_at) ORDER BY 1";
    private static final String BUCKET = "CASE WHEN roi_percent < 1 THEN '<1%' WHEN roi_percent < 2 THEN '1-2%'"
            + " WHEN roi_percent < 3 THEN '2-3%' WHEN roi_percent < 5 THEN '3-5%' ELSE '>=5%' END";
    private static final String BY_ROI = "SELECT " + BUCKET + ", COUNT(*), SUM(users_notified), SUM(users_clicked), "
            + CONVERSION + WHERE + " GROUP BY 1 ORDER BY MIN(roi_percent)";

    private static final String SUMMARY = "SELECT COUNT(*), COALESCE(SUM(users_notified), 0),"
            + " COALESCE(SUM(users_clicked), 0), " + CONVERSION + ", COUNT(profit_actual), SUM(profit_actual),"
            + " COUNT(clv_a), ROUND(100 * (COALESCE(SUM(clv_a), 0) + COALESCE(SUM(clv_b), 0))"
            + " / NULLIF(COUNT(clv_a) + COUNT(clv_b), 0), 2)" + WHERE;

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
        return query(SUMMARY, period, List.of(), rs -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getBigDecimal(4), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8))).get(0);
    }

    public List<SportConversion> conversionBySport(StatsPeriod period) throws SQLException {
        return query(BY_SPORT, period, List.of(), rs -> new SportConversion(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)));
    }

    /** The bookmaker pairs with at least {@code minCalls} calls, best conversion first. */
    public List<BookPair> bestBookPairs(StatsPeriod period, int minCalls, int limit) throws SQLException {
        return query(BY_BOOKS, period, List.of(minCalls, limit), rs -> new BookPair(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
    }

    public List<HourActivity> callsByHour(StatsPeriod period) throws SQLException {
        return query(BY_HOUR, period, List.of(), rs -> new HourActivity(rs.getInt(1), rs.getLong(2), rs.getLong(3)));
    }

    public List<RoiBucket> conversionByRoi(StatsPeriod period) throws SQLException {
        return query(BY_ROI, period, List.of(), rs -> new RoiBucket(rs.getString(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getBigDecimal(5)));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, StatsPeriod period, List<Integer> extra, Row<T> row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, BatchWriter.utc(period.from()));
            ps.setObject(2, BatchWriter.utc(period.to()));
            ps.setString(3, period.sport());
            ps.setString(4, period.sport());
            for (int i = 0; i < extra.size(); i++) {
                ps.setInt(5 + i, extra.get(i));
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
