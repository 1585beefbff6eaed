package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.bootstrap.BotMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bot demo} as a new user runs it, with this plugin on the class path: it must finish
 * on its own with exit code 0 and show the admin's /stats with the crowd's numbers.
 */
class DemoTest {

    @Test
    void theDemoRunsTheWholeProductAndPrintsTheAdminsStats(@TempDir Path dataDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new BotMain(Map.of("DATA_DIR", dataDir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("demo");
        String transcript = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(transcript + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(transcript)
                .contains("50 users and the admin sent /start")
                .contains("The scanner posted 30 calls")
                .contains("1500 alerts delivered to 50 subscribers (Telegram answered 429 0 times)")
                .contains("\"duplicate\":true")
                .contains("Posting a malformed call: 400")
                .contains("pressed a forged I BET button")
                .contains("asked again with a hint")
                .contains("(not an admin) sent /stats and got: \"Sorry")
                .doesNotContain("No stats plugin is loaded");
        Matcher pressed = Pattern.compile("I BET pressed (\\d+) times by (\\d+) distinct").matcher(transcript);
        assertThat(pressed.find()).isTrue();
        int distinct = Integer.parseInt(pressed.group(2));
        assertThat(distinct).isPositive();
        String stats = transcript.substring(transcript.indexOf("----- /stats -----"));
        // the admin's /stats counts the 30 calls and, with one line per unique press, the clickers
        assertThat(stats).containsPattern("Calls\\s+30\\b");
        assertThat(transcript).contains(distinct + " questionnaires answered");
    }
}
