package com.arbalert.bot.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one DataSource every module injects. The pool behind it only exists while
 * {@link DatabaseService} runs, so constructors can take it without touching the network.
 */
public final class BotDataSource implements DataSource {
    private volatile HikariDataSource pool;

    void open(HikariDataSource pool) {
        this.pool = pool;
    }

    HikariDataSource close() {
        HikariDataSource p = pool;
        pool = null;
        return p;
    }

    public boolean isOpen() {
        HikariDataSource p = pool;
        return p != null && !p.isClosed();
    }

    private HikariDataSource pool() throws SQLException {
        HikariDataSource p = pool;
        if (p == null) {
            throw new SQLException("the database is not started (or already stopped)", "08003");
        }
        return p;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has one set of credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool().isWrapperFor(iface);
    }
}
