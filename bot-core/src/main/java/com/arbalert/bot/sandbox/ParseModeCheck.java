package com.arbalert.bot.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode, checked as strictly as the real server ("can't parse entities"):
 * only its tags, balanced, and every {@code <}, {@code >} and {@code &} of the text escaped.
 * {@link #visibleText} is what the user reads.
 */
final class ParseModeCheck {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)(\\s[^<>]*)?>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private ParseModeCheck() {
    }

    /** @return null when valid, else Telegram's kind of error description */
    static String check(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                if (!m.lookingAt() || !TAGS.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                    return "Bad Request: can't parse entities: unsupported start tag at byte offset " + i;
                }
                String name = m.group(2);
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return "Bad Request: can't parse entities: unexpected end tag \"" + name + "\" at offset " + i;
                }
                i = m.end();
            } else if (c == '>') {
                return "Bad Request: can't parse entities: unescaped '>' at offset " + i;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return "Bad Request: can't parse entities: unsupported entity at offset " + i;
                }
                i = m.end();
            } else {
                i++;
            }
        }
        return open.isEmpty() ? null : "Bad Request: can't parse entities: can't find end tag corresponding to start tag \""
                + open.peek() + "\"";
    }

    /** The text as shown: tags removed, entities decoded. Assumes {@link #check} passed. */
    static String visibleText(String html) {
        String noTags = TAG.matcher(html).replaceAll("");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String decoded = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }
}
