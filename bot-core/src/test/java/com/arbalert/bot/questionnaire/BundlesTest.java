package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.i18n.Texts;
import java.io.InputStream;
import java.math.BigDecimal;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bet", "questionnaire"})
    void everyKeyExistsInBothLanguagesAndFormats(String bundle) throws Exception {
        Properties en = load("i18n/" + bundle + ".properties");
        Properties fr = load("i18n/" + bundle + "_fr.properties");
        assertThat(en).isNotEmpty();
        assertThat(fr.keySet()).as("French keys of " + bundle).isEqualTo(en.keySet());
        for (Object key : en.keySet()) {
            for (Locale locale : new Locale[] {Texts.ENGLISH, Texts.FRENCH}) {
                String text = Texts.get(bundle, locale, (String) key, BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.TEN, BigDecimal.ZERO);
                assertThat(text).as(bundle + " " + key + " " + locale).isNotBlank()
                        // a lone apostrophe would have swallowed the rest of the text in MessageFormat
                        .doesNotContain("''");
            }
            String enPattern = en.getProperty((String) key);
            String frPattern = fr.getProperty((String) key);
            assertThat(new MessageFormat(frPattern).getFormats().length).as("arguments of " + key)
                    .isEqualTo(new MessageFormat(enPattern).getFormats().length);
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
