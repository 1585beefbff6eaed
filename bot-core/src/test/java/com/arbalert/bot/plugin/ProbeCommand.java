package com.arbalert.bot.plugin;

import com.arbalert.bot.bootstrap.BotCommand;
import com.arbalert.bot.bootstrap.Launch;

/** A command found through this test tree's META-INF/services, as {@code ./bot demo} will be. */
public final class ProbeCommand implements BotCommand {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "print the arguments and the number of plugins (test only)";
    }

    @Override
    public int run(Launch launch) {
        launch.out().println("probe " + String.join(" ", launch.args()) + " with " + (launch.modules().size() - 1) + " plugin(s)");
        return 3;
    }
}
