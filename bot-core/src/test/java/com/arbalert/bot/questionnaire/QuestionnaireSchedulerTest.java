package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.testing.CoreSchema;
import com.arbalert.bot.testing.RecordingMessageSender.Sent;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionnaireSchedulerTest {
    private static HikariDataSource dataSource;
    private FlowsFixture flows;

    @BeforeAll
    static void database() {
        dataSource = CoreSchema.migrated("qscheduler");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void setUp() {
        CoreSchema.clearFlows(dataSource);
        flows = new FlowsFixture(dataSource);
    }

    @Test
    void aCheckIsSkippedWhileAnotherInstanceHoldsTheLock() throws Exception {
        flows.publish(FlowsFixture.arbitrage(601));
        flows.pressBet(30, 601);
        flows.clock.advance(Duration.ofHours(4));
        try (Connection other = dataSource.getConnection()) {
            String name = QuestionnaireScheduler.lockName(other.getCatalog());
            try (PreparedStatement st = other.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
            assertThat(flows.restart().check()).isEqualTo(new QuestionnaireScheduler.Check(false, 0, 0));
            assertThat(flows.sender.sentTo(30)).isEmpty();
            try (PreparedStatement st = other.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                st.setString(1, name);
                st.executeQuery().close();
            }
        }
        assertThat(flows.check()).isEqualTo(new QuestionnaireScheduler.Check(true, 0, 1));
    }

    @Test
    void twoInstancesCheckingTogetherAskEveryQuestionOnce() throws Exception {
        int users = 40;
        for (long call = 610; call < 613; call++) {
            flows.publish(FlowsFixture.arbitrage(call));
            for (long user = 1000; user < 1000 + users; user++) {
                flows.pressBet(user, call);
            }
        }
        flows.sender.clear();
        flows.clock.advance(Duration.ofHours(4));
        FlowsFixture one = flows.restart();
        FlowsFixture two = flows.restart();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<QuestionnaireScheduler.Check>> checks = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                checks.add(pool.submit((Callable<QuestionnaireScheduler.Check>) one::check));
                checks.add(pool.submit((Callable<QuestionnaireScheduler.Check>) two::check));
            }
            int opened = 0;
            for (Future<QuestionnaireScheduler.Check> f : checks) {
                opened += f.get().opened();
            }
            assertThat(opened).isEqualTo(users);
        } finally {
            pool.shutdownNow();
        }
        Map<Long, Long> perChat = flows.sender.sent().stream()
                .collect(Collectors.groupingBy(s -> s.message().chatId(), Collectors.counting()));
        assertThat(perChat).hasSize(users).allSatisfy((chat, count) -> assertThat(count).as("chat " + chat).isEqualTo(1L));
        assertThat(flows.sender.sent()).extracting(Sent::html).allMatch(html -> html.startsWith("📋"));
    }

    @Test
    void theServiceChecksOnItsOwnUntilStopped() throws Exception {
        flows.config.setCheckInterval("50ms");
        flows.publish(FlowsFixture.arbitrage(620));
        flows.pressBet(31, 620);
        FlowsFixture running = flows.restart();
        running.scheduler.start();
        try {
            flows.clock.advance(Duration.ofHours(4));
            await().atMost(Duration.ofSeconds(5)).until(() -> !flows.sender.sentTo(31).isEmpty());
        } finally {
            running.scheduler.stop();
        }
        flows.publish(FlowsFixture.arbitrage(621));
        flows.pressBet(32, 621);
        flows.clock.advance(Duration.ofHours(4));
        Thread.sleep(200);
        assertThat(flows.sender.sentTo(32)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("questionnaire-check") && t.isAlive());
    }
}
