package com.arbalert.bot.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a user sees, looked up in a resource bundle ({@code i18n/<bundle>.properties} and
 * {@code i18n/<bundle>_fr.properties}, UTF-8) and formatted with {@link MessageFormat}.
 * French for a Telegram language_code starting with "fr", English otherwise.
 */
public final class Texts {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;

    private Texts() {
    }

    /** The bot's language for a Telegram language_code (null counts as English). */
    public static Locale localeFor(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("fr") ? FRENCH : ENGLISH;
    }

    /**
     * @throws MissingResourceException when the key is missing: a bug caught by the bundle tests
     */
    public static String get(String bundle, Locale locale, String key, Object... args) {
        ResourceBundle rb = ResourceBundle.getBundle("i18n." + bundle, FRENCH.getLanguage().equals(locale.getLanguage())
                ? FRENCH : Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = rb.getString(key);
        // always through MessageFormat, so a bundle writes an apostrophe as '' everywhere
        return new MessageFormat(pattern, locale).format(args);
    }
}
