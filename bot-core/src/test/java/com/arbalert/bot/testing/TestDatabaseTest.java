package com.arbalert.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void eachSchemaIsFreshAndUsable() throws Exception {
        TestDatabase.Schema one = TestDatabase.newSchema("fixture");
        TestDatabase.Schema two = TestDatabase.newSchema("fixture");
        assertThat(one.name()).isNotEqualTo(two.name());
        try (Connection c = one.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(10) CHARACTER SET utf8mb4)");
            st.execute("INSERT INTO t VALUES (1, 'é⚽')");
            try (ResultSet rs = st.executeQuery("SELECT name FROM t")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("é⚽");
            }
        }
        try (Connection c = two.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
