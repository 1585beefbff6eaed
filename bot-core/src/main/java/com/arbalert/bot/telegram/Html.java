package com.arbalert.bot.telegram;

/** Escaping for Telegram's HTML parse mode: the one place that turns user or scanner text into HTML. */
public final class Html {
    private Html() {
    }

    /** Escapes {@code & < > "} so a team called {@code <Lakers & Co>} arrives as written; null gives "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
