package com.arbalert.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.i18n.Texts;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages have every text, and every text formats. */
class BotTextsTest {

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BotTextsTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndAllFormat() throws Exception {
        Properties en = load("bot.properties");
        Properties fr = load("bot_fr.properties");
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(BotTexts.get(Texts.ENGLISH, key, "a", "b", "c")).isNotBlank();
            assertThat(BotTexts.get(Texts.FRENCH, key, "a", "b", "c")).isNotBlank();
        }
    }

    @Test
    void apostrophesSurviveMessageFormat() {
        assertThat(BotTexts.get(Texts.FRENCH, "stop.done")).contains("plus d'alertes");
        assertThat(BotTexts.get(Texts.ENGLISH, "command.refused")).contains("bot's");
        assertThat(BotTexts.get(Texts.localeFor("fr-CA"), "lang.switched")).isEqualTo("Langue réglée sur le français.");
        assertThat(BotTexts.get(Texts.localeFor("de"), "lang.switched")).isEqualTo("Language set to English.");
    }
}
