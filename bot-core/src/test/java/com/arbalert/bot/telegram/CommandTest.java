package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.arbalert.bot.spi.AdminNotifier;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.testing.FakeTelegramServer;
import com.arbalert.bot.testing.TelegramBotHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Admin-only commands are enforced in one place; the command menu is set per scope and language. */
class CommandTest {
    static final long ADMIN = 900;
    static final long USER = 901;
    static final List<CommandRequest> statsCalls = new CopyOnWriteArrayList<>();

    /** A stats plugin, as call-logger-module binds one. */
    public static final class TestStatsCommand implements CommandHandler {
        @Override
        public boolean adminOnly() {
            return true;
        }

        @Override
        public String description(Locale locale) {
            return "Test stats";
        }

        @Override
        public CommandReply handle(CommandRequest request) {
            statsCalls.add(request);
            return CommandReply.monospace("calls  <won & lost>\n12     7");
        }
    }

    private static TelegramBotHarness start(boolean withStats) {
        TelegramBotHarness.Builder builder = TelegramBotHarness.builder().schemaPrefix("commands").admins(ADMIN);
        if (withStats) {
            builder.module(new AbstractModule() {
                @Override
                protected void configure() {
                    bind(TestStatsCommand.class);
                    MapBinder.newMapBinder(binder(), String.class, CommandHandler.class).addBinding("stats")
                            .to(TestStatsCommand.class);
                }
            });
        }
        return builder.start();
    }

    private static FakeTelegramServer.BotMessage reply(FakeTelegramServer fake, long chat, int index) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(chat).size() > index);
        return fake.messagesTo(chat).get(index);
    }

    @Test
    void adminCommandsRunForAdminsOnly() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger dispatcherLog = (Logger) LoggerFactory.getLogger(CommandDispatcher.class);
        log.start();
        dispatcherLog.addAppender(log);
        try (TelegramBotHarness bot = start(true)) {
            FakeTelegramServer fake = bot.fake();
            fake.userSends(ADMIN, "/stats week", "en");
            FakeTelegramServer.BotMessage table = reply(fake, ADMIN, 0);
            assertThat(table.html()).isEqualTo("<pre>calls  &lt;won &amp; lost&gt;\n12     7</pre>");
            assertThat(table.text()).isEqualTo("calls  <won & lost>\n12     7");
            assertThat(statsCalls).hasSize(1);
            assertThat(statsCalls.get(0).args()).containsExactly("week");
            assertThat(statsCalls.get(0).admin()).isTrue();

            fake.userSends(USER, "/stats", "fr");
            assertThat(reply(fake, USER, 0).text()).isEqualTo("Désolé, cette commande est réservée aux"
                    + " administrateurs du bot.");
            assertThat(statsCalls).hasSize(1);
            assertThat(log.list).anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains(Long.toString(USER)) && e.getFormattedMessage().contains("/stats"));

            // the admin's help lists the admin command, a user's does not
            fake.userSends(USER, "/help", "en");
            assertThat(reply(fake, USER, 1).text()).doesNotContain("/stats");
            fake.userSends(ADMIN, "/help", "en");
            assertThat(reply(fake, ADMIN, 1).text()).contains("/stats — Test stats");
        } finally {
            dispatcherLog.detachAppender(log);
        }
    }

    @Test
    void withoutAStatsPluginAdminsAreToldSo() {
        try (TelegramBotHarness bot = start(false)) {
            FakeTelegramServer fake = bot.fake();
            fake.userSends(ADMIN, "/stats", "en");
            assertThat(reply(fake, ADMIN, 0).text()).isEqualTo("No stats plugin is loaded.");
            fake.userSends(USER, "/stats", "en");
            assertThat(reply(fake, USER, 0).text()).isEqualTo("Sorry, this command is for the bot's administrators.");
        }
    }

    @Test
    void adminNoticesReachEveryAdminIntact() {
        try (TelegramBotHarness bot = start(false)) {
            bot.get(AdminNotifier.class).notifyAdmins("Disk <data> 95% & rising");
            assertThat(reply(bot.fake(), ADMIN, 0).text()).isEqualTo("Disk <data> 95% & rising");
            assertThat(bot.fake().messagesTo(USER)).isEmpty();
        }
    }

    @Test
    void theCommandMenuIsSetForEveryoneAndForAdminsInBothLanguages() {
        try (TelegramBotHarness bot = start(true)) {
            List<JsonNode> menus = bot.fake().commandMenus();
            assertThat(menus).hasSize(4);
            assertThat(menu(menus, "default", null)).containsExactly("help", "lang", "start", "stop");
            assertThat(menu(menus, "default", "fr")).containsExactly("help", "lang", "start", "stop");
            assertThat(menu(menus, "chat", null)).containsExactly("help", "lang", "start", "stats", "stop");
            assertThat(menu(menus, "chat", "fr")).containsExactly("help", "lang", "start", "stats", "stop");
            JsonNode frDefault = menus.stream().filter(m -> m.path("scope").path("type").asText().equals("default")
                    && m.path("language_code").asText("").equals("fr")).findFirst().orElseThrow();
            assertThat(frDefault.toString()).contains("S'abonner aux alertes");
            JsonNode adminMenu = menus.stream().filter(m -> m.path("scope").path("type").asText().equals("chat"))
                    .findFirst().orElseThrow();
            assertThat(adminMenu.path("scope").path("chat_id").asLong()).isEqualTo(ADMIN);
        }
    }

    private static List<String> menu(List<JsonNode> menus, String scope, String language) {
        JsonNode m = menus.stream().filter(x -> x.path("scope").path("type").asText().equals(scope)
                && (language == null ? !x.hasNonNull("language_code") || x.get("language_code").asText().isEmpty()
                        : language.equals(x.path("language_code").asText())))
                .findFirst().orElseThrow(() -> new AssertionError("no menu " + scope + "/" + language + " in " + menus));
        return StreamSupport.stream(m.path("commands").spliterator(), false).map(c -> c.path("command").asText())
                .toList();
    }
}
