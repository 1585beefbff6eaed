package com.arbalert.bot.demo;

import java.io.PrintStream;
import java.util.Locale;

/** What the demo tells the person watching, each line stamped with the seconds since the start. */
final class Transcript {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    Transcript(PrintStream out) {
        this.out = out;
    }

    void line(String format, Object... args) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, "[%5.1fs] %s%n", seconds, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    void block(String title, String body) {
        out.println();
        out.println("----- " + title + " -----");
        out.println(body);
        out.println("-".repeat(12 + title.length()));
        out.flush();
    }
}
