package com.arbalert.bot.alerts;

import static com.arbalert.bot.telegram.TelegramHtml.escape;

import com.arbalert.bot.commands.BotTexts;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.OddsFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The alert as users read it, in Telegram HTML; every scanner-provided text is escaped. */
final class AlertFormatter {
    private static final DateTimeFormatter MATCH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AlertFormatter() {
    }

    static String html(CallRecord call, Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append("<b>").append(escape(BotTexts.get(locale, "alert.type." + call.callType().code()))).append("</b> · ")
                .append(escape(call.sport())).append('\n');
        out.append("<b>").append(escape(call.teamA())).append(" vs ").append(escape(call.teamB())).append("</b>\n");
        out.append(escape(MATCH_TIME.format(call.matchDate()))).append('\n');
        out.append(escape(BotTexts.get(locale, "alert.market", call.market()))).append('\n');
        out.append(escape(BotTexts.get(locale, "alert.book", call.bookA(), odds(call.oddsA(), call.oddsFormat()),
                money(call.stakeA())))).append('\n');
        if (call.bookB() != null) {
            out.append(escape(BotTexts.get(locale, "alert.book", call.bookB(), odds(call.oddsB(), call.oddsFormat()),
                    money(call.stakeB())))).append('\n');
        }
        out.append("<b>").append(escape(BotTexts.get(locale, "alert.roi", call.roiPercent()
                .setScale(2, RoundingMode.HALF_EVEN).toPlainString()))).append("</b>\n");
        out.append(escape(BotTexts.get(locale, "alert.profit", money(call.profitExpected()))));
        return out.toString();
    }

    private static String odds(BigDecimal odds, OddsFormat format) {
        String plain = odds.stripTrailingZeros().toPlainString();
        return format == OddsFormat.AMERICAN && odds.signum() > 0 ? "+" + plain : plain;
    }

    private static String money(BigDecimal value) {
        return value == null ? "0.00" : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
