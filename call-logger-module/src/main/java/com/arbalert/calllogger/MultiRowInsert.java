package com.arbalert.calllogger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code INSERT INTO t (cols) VALUES (...), (...) ON DUPLICATE KEY UPDATE ...}: many rows in one
 * statement and one round trip, whatever the server version. Rows keep their order, so a later
 * row for the same key is applied after an earlier one.
 */
final class MultiRowInsert {
    /** Rows per statement: keeps the placeholders far below MariaDB's 65,535 and packets small. */
    static final int ROWS_PER_STATEMENT = 1000;

    private final String head;
    private final String row;
    private final String tail;
    private final int columns;

    interface Binder<T> {
        void bind(PreparedStatement ps, int firstIndex, T item) throws SQLException;
    }

    MultiRowInsert(String table, String columnList, int columns, String onDuplicate) {
        this.head = "INSERT INTO " + table + " (" + columnList + ") VALUES ";
        this.row = "(" + "?,".repeat(columns - 1) + "?)";
        this.tail = " ON DUPLICATE KEY UPDATE " + onDuplicate;
        this.columns = columns;
    }

    String sql(int rows) {
        StringBuilder sb = new StringBuilder(head.length() + rows * (row.length() + 1) + tail.length());
        sb.append(head);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(row);
        }
        return sb.append(tail).toString();
    }

    <T> void execute(Connection c, List<T> items, Binder<T> binder) throws SQLException {
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(sql(chunk.size()))) {
                int index = 1;
                for (T item : chunk) {
                    binder.bind(ps, index, item);
                    index += columns;
                }
                ps.executeUpdate();
            }
        }
    }
}
