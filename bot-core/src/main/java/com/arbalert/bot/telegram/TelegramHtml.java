package com.arbalert.bot.telegram;

/** Escaping for Telegram's HTML parse mode: every user-controlled text goes through {@link #escape}. */
public final class TelegramHtml {

    private TelegramHtml() {
    }

    /** {@code <Lakers & Co>} becomes {@code &lt;Lakers &amp; Co&gt;}, shown as it was written. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A fixed-width block for tables read on a phone. */
    public static String pre(String text) {
        return "<pre>" + escape(text) + "</pre>";
    }
}
