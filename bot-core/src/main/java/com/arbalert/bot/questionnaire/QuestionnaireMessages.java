package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.telegram.TelegramHtml;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.telegram.OutgoingMessage.Button;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The questionnaire's messages and buttons, in the user's language; names from calls are escaped here with TelegramHtml. */
public final class QuestionnaireMessages {
    static final String BUNDLE = "questionnaire";
    private static final DateTimeFormatter MATCH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Button labels are cut so that a long team name leaves the button readable on a phone. */
    private static final int LABEL_NAME_MAX = 32;
    private static final int ECHO_MAX = 40;

    private final QuestionnaireCallbackData callbackData;

    @Inject
    public QuestionnaireMessages(QuestionnaireCallbackData callbackData) {
        this.callbackData = requireNonNull(callbackData, "callbackData");
    }

    public OutgoingMessage question(Questionnaire q, CallRecord call, Locale locale) {
        List<Button> outcomes = new ArrayList<>();
        List<List<Button>> rows = new ArrayList<>();
        for (AnswerChoice choice : AnswerChoice.forCall(call.callType())) {
            Button button = new Button(label(choice, call, locale), callbackData.of(q.id(), choice));
            if (choice.outcome() != null) {
                outcomes.add(button);
            } else {
                rows.add(List.of(button));
            }
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i += 2) {
            keyboard.add(outcomes.subList(i, Math.min(i + 2, outcomes.size())));
        }
        keyboard.addAll(rows);
        return new OutgoingMessage(q.chatId(), questionHtml(call, locale), keyboard, false);
    }

    /** The question as it reads once answered: no buttons, the answer underneath. */
    public OutgoingMessage answered(long chatId, CallRecord call, AnswerChoice choice, Locale locale) {
        return OutgoingMessage.text(chatId, text(locale, "q.answered", questionHtml(call, locale),
                TelegramHtml.escape(label(choice, call, locale))));
    }

    public OutgoingMessage profitQuestion(long chatId, CallRecord call, Locale locale) {
        return new OutgoingMessage(chatId, text(locale, "q.profit.ask", team(call.teamA()), team(call.teamB())),
                List.of(), true);
    }

    public OutgoingMessage profitNotUnderstood(long chatId, String reply, Locale locale) {
        String echo = reply.length() > ECHO_MAX ? reply.substring(0, ECHO_MAX) + "…" : reply;
        return new OutgoingMessage(chatId, text(locale, "q.profit.hint", TelegramHtml.escape(echo)), List.of(), true);
    }

    public OutgoingMessage profitOutOfBounds(long chatId, BigDecimal bound, Locale locale) {
        return new OutgoingMessage(chatId, text(locale, "q.profit.bounds", bound.negate(), bound), List.of(), true);
    }

    /** The confirmation, with a button to correct the answer. */
    public OutgoingMessage done(Questionnaire q, CallRecord call, AnswerChoice choice, BigDecimal profit, Locale locale) {
        return new OutgoingMessage(q.chatId(), doneHtml(call, choice, profit, locale),
                List.of(List.of(new Button(text(locale, "q.button.correct"), callbackData.of(q.id(), AnswerChoice.CORRECT)))),
                false);
    }

    /** The confirmation once its correction button was used. */
    public OutgoingMessage doneWithoutButton(long chatId, CallRecord call, Outcome outcome, BigDecimal profit,
            Locale locale) {
        return OutgoingMessage.text(chatId, doneHtml(call, AnswerChoice.valueOf(outcome.name()), profit, locale));
    }

    private String doneHtml(CallRecord call, AnswerChoice choice, BigDecimal profit, Locale locale) {
        return text(locale, "q.done", team(call.teamA()), team(call.teamB()), TelegramHtml.escape(label(choice, call, locale)),
                profit);
    }

    public OutgoingMessage declined(long chatId, CallRecord call, Locale locale) {
        return OutgoingMessage.text(chatId, text(locale, "q.declined", team(call.teamA()), team(call.teamB())));
    }

    public OutgoingMessage postponed(long chatId, CallRecord call, Duration retryDelay, Locale locale) {
        return OutgoingMessage.text(chatId, text(locale, "q.postponed", team(call.teamA()), team(call.teamB()),
                retryDelay.toMinutes() / 60.0));
    }

    public OutgoingMessage expired(long chatId, CallRecord call, Locale locale) {
        return OutgoingMessage.text(chatId, text(locale, "q.expired", team(call.teamA()), team(call.teamB())));
    }

    public OutgoingMessage useButtons(long chatId, Locale locale) {
        return OutgoingMessage.text(chatId, text(locale, "q.use_buttons"));
    }

    /** Plain text (button answers and command replies are not HTML). */
    public String plain(Locale locale, String key, Object... args) {
        return Texts.get(BUNDLE, locale, key, args);
    }

    private String questionHtml(CallRecord call, Locale locale) {
        StringBuilder bets = new StringBuilder();
        bets.append(text(locale, "q.bet_line", TelegramHtml.escape(call.bookA()), odds(call.oddsA(), call.oddsFormat()),
                call.stakeA()));
        if (call.bookB() != null) {
            bets.append('\n').append(text(locale, "q.bet_line", TelegramHtml.escape(call.bookB()),
                    odds(call.oddsB(), call.oddsFormat()), call.stakeB()));
        }
        return text(locale, "q.question", team(call.teamA()), team(call.teamB()), bets, MATCH_TIME.format(call.matchDate()));
    }

    private static String label(AnswerChoice choice, CallRecord call, Locale locale) {
        boolean oneBook = call.callType() == CallType.GOOD_ODDS;
        return switch (choice) {
            case A_WON -> oneBook ? Texts.get(BUNDLE, locale, "q.button.won")
                    : Texts.get(BUNDLE, locale, "q.button.a_won", shorten(call.teamA()));
            case B_WON -> oneBook ? Texts.get(BUNDLE, locale, "q.button.lost")
                    : Texts.get(BUNDLE, locale, "q.button.b_won", shorten(call.teamB()));
            case BOTH_WON -> Texts.get(BUNDLE, locale, "q.button.both_won");
            case PUSH -> Texts.get(BUNDLE, locale, "q.button.push");
            case VOID -> Texts.get(BUNDLE, locale, "q.button.void");
            case NOT_PLAYED -> Texts.get(BUNDLE, locale, "q.button.not_played");
            case DIDNT_BET -> Texts.get(BUNDLE, locale, "q.button.didnt_bet");
            case CORRECT -> Texts.get(BUNDLE, locale, "q.button.correct");
        };
    }

    private static String odds(BigDecimal odds, OddsFormat format) {
        String plain = odds.stripTrailingZeros().toPlainString();
        return format == OddsFormat.AMERICAN && odds.signum() > 0 ? "+" + plain : plain;
    }

    private static String shorten(String name) {
        return name.length() > LABEL_NAME_MAX ? name.substring(0, LABEL_NAME_MAX - 1) + "…" : name;
    }

    private static String team(String name) {
        return TelegramHtml.escape(name);
    }

    private static String text(Locale locale, String key, Object... args) {
        return Texts.get(BUNDLE, locale, key, args);
    }
}
