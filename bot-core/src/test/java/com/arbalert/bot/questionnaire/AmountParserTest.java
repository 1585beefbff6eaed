package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "18.75|18.75",
        "-5|-5.00",
        "+12,50|12.50",
        "12.50$|12.50",
        "$12.50|12.50",
        "€12.50|12.50",
        "12.50 €|12.50",
        "12,5 EUR|12.50",
        "usd 7|7.00",
        "£3|3.00",
        "−5|-5.00",
        "– 5|-5.00",
        "- 5 $|-5.00",
        "-$5|-5.00",
        "$-5|-5.00",
        "'  42  '|42.00",
        "0|0.00",
        "1234.5|1234.50",
        "\u00a012.50\u00a0€|12.50",
        "12\u202f€|12.00",
    })
    void readsWhatPeopleType(String text, String expected) {
        assertThat(AmountParser.parse(text)).hasValueSatisfying(v -> {
            assertThat(v).isEqualByComparingTo(new BigDecimal(expected));
            assertThat(v.scale()).isEqualTo(2);
        });
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", " ", "abc", "1.2.3", "12,345,678", "1,234", "1.234,56", "1,234.56", "12.345", "12.",
        ".5", "--5", "+-5", "-$-5", "$5€", "5 5", "1 234,50", "12abc", "five", "1e3", "0x10", "12 %", "$",
        "1234567890123"})
    void refusesWhatItWouldHaveToGuess(String text) {
        assertThat(AmountParser.parse(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(AmountParser.parse(null)).isEmpty();
    }
}
