package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.telegram.CallbackSigner;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A questionnaire button's callback data: {@code q:<questionnaire id in base36>:<choice>:<mac>},
 * at most 34 bytes. The MAC makes a forged answer (another user's questionnaire, a made-up id)
 * fail before any lookup.
 */
public final class QuestionnaireCallbackData {
    public static final String PREFIX = "q:";

    /** A verified press: which questionnaire, which button. */
    public record Press(long questionnaireId, AnswerChoice choice) {
    }

    private final CallbackSigner signer;

    @Inject
    public QuestionnaireCallbackData(CallbackSigner signer) {
        this.signer = requireNonNull(signer, "signer");
    }

    public String of(long questionnaireId, AnswerChoice choice) {
        return signer.sign(PREFIX + Long.toUnsignedString(questionnaireId, 36) + ":" + choice.code());
    }

    public Optional<Press> read(String data) {
        Optional<String> payload = signer.verify(data).filter(p -> p.startsWith(PREFIX));
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = payload.get().substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            long id = Long.parseUnsignedLong(parts[0], 36);
            return AnswerChoice.fromCode(parts[1]).map(choice -> new Press(id, choice));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
