package com.arbalert.bot.commands;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The help text: what the bot does and the commands this user may use. */
public final class HelpText {
    /** Shown in menus and help for admins when no plugin binds "stats". */
    public static final String STATS = "stats";

    // a Provider: the help command is itself one of the commands
    private final Provider<Map<String, CommandHandler>> commands;

    @Inject
    public HelpText(Provider<Map<String, CommandHandler>> commands) {
        this.commands = requireNonNull(commands, "commands");
    }

    public String render(Locale locale, boolean admin) {
        StringBuilder text = new StringBuilder(BotTexts.get(locale, "help.intro")).append("\n\n")
                .append(BotTexts.get(locale, "help.commands"));
        for (Map.Entry<String, String> c : menu(locale, admin).entrySet()) {
            text.append('\n').append(BotTexts.get(locale, "help.line", c.getKey(), c.getValue()));
        }
        return text.toString();
    }

    /** Command name to description, sorted, as the user's menu shows them. */
    public Map<String, String> menu(Locale locale, boolean admin) {
        Map<String, String> menu = new TreeMap<>();
        for (Map.Entry<String, CommandHandler> c : commands.get().entrySet()) {
            if (admin || !c.getValue().adminOnly()) {
                menu.put(c.getKey(), c.getValue().description(locale));
            }
        }
        if (admin) {
            menu.putIfAbsent(STATS, BotTexts.get(locale, "command.stats"));
        }
        return menu;
    }
}
