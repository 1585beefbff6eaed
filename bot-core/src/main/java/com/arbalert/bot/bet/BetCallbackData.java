package com.arbalert.bot.bet;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.telegram.BetButtonFactory;
import com.arbalert.bot.telegram.CallbackSigner;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/**
 * The I BET button's callback data: {@code b:<call id in base36>:<mac>}, at most 32 bytes for the
 * largest id (2 + 13 + 1 + 16), well within Telegram's 64.
 */
public final class BetCallbackData implements BetButtonFactory {
    public static final String PREFIX = "b:";

    private final CallbackSigner signer;

    @Inject
    public BetCallbackData(CallbackSigner signer) {
        this.signer = requireNonNull(signer, "signer");
    }

    /** The signed data for the alert's I BET button. */
    @Override
    public String betCallbackData(long callId) {
        return signer.sign(PREFIX + Long.toUnsignedString(callId, 36));
    }

    /** The call id when the data is a validly signed I BET press, else empty. */
    public OptionalLong callIdOf(String data) {
        return signer.verify(data)
                .filter(payload -> payload.startsWith(PREFIX))
                .map(payload -> parse(payload.substring(PREFIX.length())))
                .orElse(OptionalLong.empty());
    }

    private static OptionalLong parse(String base36) {
        try {
            return OptionalLong.of(Long.parseUnsignedLong(base36, 36));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
