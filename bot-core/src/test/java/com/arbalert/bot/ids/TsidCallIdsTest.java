package com.arbalert.bot.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.core.CoreConfig;
import com.arbalert.bot.db.DatabaseModule;
import com.arbalert.bot.db.SchemaMigrator;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TsidCallIdsTest {

    private static HikariDataSource migrated(String prefix) {
        HikariDataSource ds = TestDatabase.newSchema(prefix).dataSource();
        new SchemaMigrator(Set.of(DatabaseModule.CORE_MIGRATIONS), ds).migrate();
        return ds;
    }

    @Test
    void twoInstancesOnOneDatabaseLeaseDifferentNodesAndNeverCollide() throws Exception {
        try (HikariDataSource ds = migrated("ids")) {
            TsidCallIds a = new TsidCallIds(new CoreConfig(), ds);
            TsidCallIds b = new TsidCallIds(new CoreConfig(), ds);
            a.start();
            b.start();
            try {
                assertThat(a.node()).isNotEqualTo(b.node());
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Callable<List<Long>>> jobs = new ArrayList<>();
                for (TsidCallIds ids : List.of(a, b, a, b)) {
                    jobs.add(() -> {
                        List<Long> made = new ArrayList<>();
                        for (int i = 0; i < 50_000; i++) {
                            made.add(ids.next());
                        }
                        return made;
                    });
                }
                Set<Long> all = new HashSet<>();
                int total = 0;
                for (Future<List<Long>> f : pool.invokeAll(jobs)) {
                    total += f.get().size();
                    all.addAll(f.get());
                }
                pool.shutdown();
                assertThat(total).isEqualTo(200_000);
                assertThat(all).hasSize(200_000).allMatch(id -> id > 0);
            } finally {
                b.stop();
                a.stop();
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM node_lease")) {
                rs.next();
                assertThat(rs.getInt(1)).as("leases are released on stop").isZero();
            }
        }
    }

    @Test
    void idsIncreaseWithTime() throws Exception {
        try (HikariDataSource ds = migrated("ids_time")) {
            TsidCallIds ids = new TsidCallIds(new CoreConfig(), ds);
            ids.start();
            try {
                long previous = ids.next();
                for (int i = 0; i < 5; i++) {
                    Thread.sleep(3);
                    long next = ids.next();
                    assertThat(next).isGreaterThan(previous);
                    previous = next;
                }
                long before = ids.next();
                long after = ids.next();
                assertThat(after).isGreaterThan(before);
            } finally {
                ids.stop();
            }
        }
    }

    @Test
    void aLiveLeaseIsRespectedAndAnExpiredOneIsTakenOver() throws Exception {
        try (HikariDataSource ds = migrated("ids_lease")) {
            NodeLease first = new NodeLease(ds, "first", Duration.ofSeconds(60), 1);
            NodeLease second = new NodeLease(ds, "second", Duration.ofSeconds(60), 1);
            NodeLease third = new NodeLease(ds, "third", Duration.ofSeconds(60), 1);
            assertThat(first.acquire()).hasValue(0);
            assertThat(second.acquire()).hasValue(1);
            assertThat(third.acquire()).as("only nodes 0 and 1 exist and both are live").isEmpty();

            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("UPDATE node_lease SET heartbeat_at = NOW(3) - INTERVAL 2 MINUTE WHERE node_id = 0");
            }
            assertThat(third.acquire()).as("node 0 stopped renewing").hasValue(0);
            assertThat(first.renew(0)).as("the old holder learns it lost the node").isFalse();
            assertThat(third.renew(0)).isTrue();
        }
    }

    @Test
    void aConfiguredNodeNeedsNoLeaseAndIdsAreRefusedBeforeStart() throws Exception {
        try (HikariDataSource ds = migrated("ids_fixed")) {
            TsidCallIds ids = new TsidCallIds(new CoreConfig().setNodeId(77), ds);
            assertThatThrownBy(ids::next).hasMessageContaining("before the bot has started");
            ids.start();
            try {
                assertThat(ids.node()).isEqualTo(77);
                // bits 12..21 hold the node (tsid: 42 bits time, 10 node, 12 counter)
                assertThat((ids.next() >>> 12) & 0x3FF).isEqualTo(77);
            } finally {
                ids.stop();
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM node_lease")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
